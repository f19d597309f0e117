/**
 * A decimal number's text without an exponent (`1e-7` -> `0.0000001`, `1.5e3` -> `1500`,
 * `1e+21` -> `1000000000000000000000`), digit for digit: the value PostgreSQL's `numeric` reads
 * from it. A number is taken as its shortest JavaScript text (`String(n)`), which is also what a
 * CHECK built from it says.
 */
export function plainDecimal(value: number | string): string {
  const [mantissa = '0', exponentText = '0'] = String(value).toLowerCase().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const [whole = '', fraction = ''] = mantissa.replace(/^[+-]/, '').split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (exponentText === '0') return sign + mantissa.replace(/^[+-]/, '');
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
