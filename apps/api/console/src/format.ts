/** "3 h 05 min", "45 min", "2 d 4 h": how long, for people. */
export function duration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${s} s`;
}

/** Time left on a step: "in 2 h 05 min", or "overdue 1 h 10 min". */
export function timeLeft(seconds: number): string {
  return seconds > 0 ? `in ${duration(seconds)}` : `overdue ${duration(seconds)}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const when = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');
export const clockTime = (at: Date) => clock.format(at);

export function ago(seconds: number | null): string {
  return seconds === null ? 'never' : `${duration(seconds)} ago`;
}
