/** Placeholder until the dashboard lands in the next commit. */
export function DeliveriesDashboard() {
  return null;
}
