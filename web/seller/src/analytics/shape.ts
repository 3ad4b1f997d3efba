/**
 * Shop.analytics and Shop.forecast as the dashboard's charts and figures want them: each bucket of the period beside
 * the same bucket of the period before it, each figure beside its previous value and the change between them, and the
 * recent days' actual sales followed by the forecast days. Analytics reads days in Asia/Ho_Chi_Minh, so the periods
 * asked for are Vietnamese calendar days whatever the browser's zone.
 */

/** A Decimal as the API sends it: a JSON number, or a string when a client keeps it exact. */
export type DecimalLike = number | string;

export interface MoneyLike {
  readonly amount: DecimalLike;
}

export interface SeriesPointLike {
  readonly start: string;
  readonly grossSales: MoneyLike;
  readonly orders: number;
}

export type Granularity = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

export const analyticsTimeZone = 'Asia/Ho_Chi_Minh';

/** One bucket of the chart: this period's figures and, at the same position, the previous period's. */
export interface ComparedPoint {
  readonly start: string;
  readonly label: string;
  readonly grossSales: number;
  readonly orders: number;
  readonly previousGrossSales: number | null;
  readonly previousOrders: number | null;
}

/** A figure beside its value in the previous period; change is the ratio of the difference, null when undefined. */
export interface ComparedFigure {
  readonly current: number;
  readonly previous: number | null;
  readonly change: number | null;
}

export const toNumber = (value: DecimalLike): number => (typeof value === 'number' ? value : Number(value));

/**
 * Pairs the buckets of two periods by position: the previous period is as many days long and starts as many days
 * earlier, so its n-th bucket is the same hour or weekday. Week and month cuts can give the two periods a different
 * number of buckets; a bucket without a partner has null beside it.
 */
export function compareSeries(
  current: readonly SeriesPointLike[],
  previous: readonly SeriesPointLike[] | null | undefined,
  label: (start: string) => string,
): ComparedPoint[] {
  return current.map((point, index) => {
    const before = previous?.[index];
    return {
      start: point.start,
      label: label(point.start),
      grossSales: toNumber(point.grossSales.amount),
      orders: point.orders,
      previousGrossSales: before === undefined ? null : toNumber(before.grossSales.amount),
      previousOrders: before === undefined ? null : before.orders,
    };
  });
}

/** A figure and its change from the previous period: none when there is no previous value, or it was 0. */
export function compareFigure(current: DecimalLike, previous: DecimalLike | null | undefined): ComparedFigure {
  const now = toNumber(current);
  if (previous === null || previous === undefined) return { current: now, previous: null, change: null };
  const before = toNumber(previous);
  return { current: now, previous: before, change: before === 0 ? null : (now - before) / Math.abs(before) };
}

/** Today's date in Vietnam (YYYY-MM-DD): the day analytics counts an order placed now in. */
export function vietnamToday(now: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: analyticsTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The calendar day n days after (or before, for negative n) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

export interface Period {
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
}

/** The last `days` days up to and including today, cut so a chart has between about 7 and 60 points. */
export function periodEnding(today: string, days: number): Period {
  const granularity: Granularity = days <= 2 ? 'HOUR' : days <= 60 ? 'DAY' : days <= 400 ? 'WEEK' : 'MONTH';
  return { from: addDays(today, -(days - 1)), to: today, granularity };
}

/**
 * How a bucket's start reads on the chart's axis, in Vietnamese time: 08/12 for a day or week, 12/2026 for a month,
 * 14:00 for an hour. Built from the date's parts because browsers' ICU data differ on the separators of short dates.
 */
export function bucketLabel(start: string, granularity: Granularity): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: analyticsTimeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
    })
      .formatToParts(new Date(start))
      .map((part) => [part.type, part.value]),
  );
  if (granularity === 'HOUR') return `${parts.hour}:00`;
  if (granularity === 'MONTH') return `${parts.month}/${parts.year}`;
  return `${parts.day}/${parts.month}`;
}

export interface ForecastDayLike {
  readonly day: string;
  readonly orders: number;
  readonly grossSales: MoneyLike;
}

/** One day of the forecast chart: actual figures for days gone, expected ones from today on. */
export interface ForecastPoint {
  readonly day: string;
  readonly actualOrders: number | null;
  readonly actualGrossSales: number | null;
  readonly expectedOrders: number | null;
  readonly expectedGrossSales: number | null;
}

/**
 * The recent days' actual figures (a DAY series) followed by the forecast days. The last actual day also carries
 * its figures as expected ones, so the two lines meet instead of leaving a gap at today. A forecast day that is also
 * in the history (today, when the series reaches it) keeps both: what is known so far and what is expected.
 */
export function forecastSeries(history: readonly SeriesPointLike[], forecast: readonly ForecastDayLike[]): ForecastPoint[] {
  const expected = new Map(forecast.map((day) => [day.day, day]));
  const actualDays = history.map((point) => ({ day: vietnamToday(new Date(point.start)), point }));
  const points: ForecastPoint[] = actualDays.map(({ day, point }, index) => {
    const forecastDay = expected.get(day);
    const isLast = index === actualDays.length - 1;
    return {
      day,
      actualOrders: point.orders,
      actualGrossSales: toNumber(point.grossSales.amount),
      expectedOrders: forecastDay ? forecastDay.orders : isLast ? point.orders : null,
      expectedGrossSales: forecastDay ? toNumber(forecastDay.grossSales.amount) : isLast ? toNumber(point.grossSales.amount) : null,
    };
  });
  const known = new Set(actualDays.map(({ day }) => day));
  for (const day of forecast) {
    if (known.has(day.day)) continue;
    points.push({ day: day.day, actualOrders: null, actualGrossSales: null, expectedOrders: day.orders, expectedGrossSales: toNumber(day.grossSales.amount) });
  }
  return points;
}
