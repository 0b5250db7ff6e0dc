import type { Appointment } from "../model/deal.js";
import { instantsOf } from "../time/zoned-time.js";

/**
 * When an appointment starts, as an instant, given its wall-clock time in `zone`. A time the clocks repeat
 * (end of summer time) is taken at its first occurrence; a time they skip (start of summer time) at the same
 * distance after the jump — 02:30 becomes 03:30 — as calendar applications do.
 */
export function appointmentStart(appointment: Appointment & { time: string }, zone: string): Date {
  const found = instantsOf(appointment.date, appointment.time, zone);
  if (found[0] !== undefined) return new Date(found[0]);
  const [h, m] = appointment.time.split(":").map(Number) as [number, number];
  const hourLater = `${String((h + 1) % 24).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
  const after = instantsOf(appointment.date, hourLater, zone);
  return new Date(after[0] ?? Date.parse(`${appointment.date}T${appointment.time}:00Z`));
}
