/** The cookie that carries an action's message to the next page (set by lib/http/flash-message.ts, read and cleared by components/ui/flash-status.tsx). */
export const FLASH_COOKIE_NAME = "registre-flash";
