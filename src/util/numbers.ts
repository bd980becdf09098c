/**
 * Numbers for people, the same on every machine: `toLocaleString` would follow the locale of
 * whoever runs the audit, and the same inputs must give the same bytes.
 */
function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An amount rounded to a whole unit, grouped by thousands: 1,234,568. Small amounts keep 3 significant digits: 0.0123. */
export function formatAmount(value: number): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && magnitude < 10) return `${sign}${Number(magnitude.toPrecision(3))}`;
  return `${sign}${group(String(Math.round(magnitude)))}`;
}

/** A count or a duration with at most one decimal: 12, 4.5. */
export function formatQuantity(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? group(String(rounded)) : `${group(String(Math.trunc(rounded)))}.${String(rounded).split('.')[1]}`;
}

/** A share as a percentage: 0.25 → 25%. */
export function formatShare(value: number): string {
  return `${formatQuantity(value * 100)}%`;
}
