// The public address of a deliberation, by its number. An archived act's
// number is its town's own identifier ("AP D 21-07-1", "2019/045"), which may
// hold spaces or slashes: every link goes through here, encoded.

/** "/deliberations/DL.2022-91", "/deliberations/AP%20D%2021-07-1". */
export function deliberationPath(number: string): string {
  return `/deliberations/${encodeURIComponent(number)}`;
}
