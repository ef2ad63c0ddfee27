/** How numbers, money and enum values read in the explorer. */
const EURO = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const COMPACT_EURO = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 });

export function money(amount: number | null | undefined, currency = 'EUR'): string {
  if (amount === null || amount === undefined) return '–';
  if (currency === 'EUR') return EURO.format(amount);
  return `${amount.toLocaleString('de-DE')} ${currency}`;
}

export function compactMoney(amount: number): string {
  return COMPACT_EURO.format(amount);
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`;
}

export function strength(value: number): string {
  return value.toFixed(3);
}

/** DECISION_MAKER → "decision maker". */
export function enumText(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

export function date(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '–';
}
