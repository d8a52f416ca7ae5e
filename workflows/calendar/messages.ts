/** The recount of open deadlines after a change of the working-day calendar. */
export interface CalendarChangeInput {
  years: number[];
}

/** One recount per saved list: saving the same list while it runs finds the running recount. */
export function calendarChangeWorkflowId(year: number, listDigest: string): string {
  return `calendar-change:${year}:${listDigest}`;
}
