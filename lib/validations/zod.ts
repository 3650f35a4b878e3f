import { z } from "zod";

// The one door to zod: every schema is built after this line. zod compiles
// its object parsers with `new Function` when it may, and probes for that
// when a schema is built: under the portal's Content-Security-Policy (no
// 'unsafe-eval') the browser blocks the probe and reports a violation. The
// interpreter it falls back to is enough for our forms.
z.config({ jitless: true });

export { z };
