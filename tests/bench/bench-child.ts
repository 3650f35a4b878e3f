// A process the bench starts (load.ts, crawl.ts): runs its main, prints its
// own result, exits 0, or 1 on an error; and stops with the bench if the bench
// goes away (the end of its stdin, which the bench holds open).
export function runAsBenchChild(main: () => Promise<void>): void {
  process.stdin.on("end", () => process.exit(2));
  process.stdin.resume();
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
