const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) at `at` in an IANA time zone. The formatters are kept: this runs on hot paths. */
export function localDay(timeZone: string, at: Date): string {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(at);
}
