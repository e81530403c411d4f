/** The SQL condition on a case (alias `c`): a request for advice on it is past its due date, with no exemption. */
export const adviceOverdue = (today: string) =>
  `EXISTS (SELECT 1 FROM advice_requests ar WHERE ar.case_id = c.id AND ar.received_on IS NULL AND ar.withdrawn_at IS NULL AND ar.exemption_kind IS NULL AND ar.due_on < ${today}::date)`;
