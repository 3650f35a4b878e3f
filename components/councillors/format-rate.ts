const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

/** "86 %", or a dash when there was no sitting to attend. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : percent.format(rate);
}
