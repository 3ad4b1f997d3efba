import { describe, expect, it } from 'vitest';
import { addDays, bucketLabel, compareFigure, compareSeries, forecastSeries, periodEnding, vietnamToday } from './shape';

const point = (start: string, amount: number | string, orders: number) => ({ start, grossSales: { amount }, orders });

describe('compareSeries', () => {
  it('puts each bucket beside the previous period’s bucket at the same position', () => {
    const current = [point('2026-12-05T17:00:00Z', 300000, 2), point('2026-12-06T17:00:00Z', '150000', 1)];
    const previous = [point('2026-12-03T17:00:00Z', 100000, 1), point('2026-12-04T17:00:00Z', 0, 0)];
    expect(compareSeries(current, previous, (start) => start.slice(5, 10))).toEqual([
      { start: '2026-12-05T17:00:00Z', label: '12-05', grossSales: 300000, orders: 2, previousGrossSales: 100000, previousOrders: 1 },
      { start: '2026-12-06T17:00:00Z', label: '12-06', grossSales: 150000, orders: 1, previousGrossSales: 0, previousOrders: 0 },
    ]);
  });

  it('leaves null beside a bucket the previous period does not have', () => {
    const [only] = compareSeries([point('2026-12-01T17:00:00Z', 5, 1)], null, () => 'x');
    expect(only).toMatchObject({ previousGrossSales: null, previousOrders: null });
    const [, second] = compareSeries([point('a', 1, 1), point('b', 2, 2)], [point('c', 3, 3)], () => 'x');
    expect(second).toMatchObject({ grossSales: 2, previousGrossSales: null });
  });
});

describe('compareFigure', () => {
  it('gives the change as a share of the previous value', () => {
    expect(compareFigure(150, 100)).toEqual({ current: 150, previous: 100, change: 0.5 });
    expect(compareFigure('50', '200')).toEqual({ current: 50, previous: 200, change: -0.75 });
  });

  it('gives no change from nothing or from zero', () => {
    expect(compareFigure(10, null).change).toBeNull();
    expect(compareFigure(10, 0)).toEqual({ current: 10, previous: 0, change: null });
  });
});

describe('periods in Vietnamese days', () => {
  it('reads today in Vietnam, seven hours ahead of UTC', () => {
    expect(vietnamToday(new Date('2026-12-07T16:59:00Z'))).toBe('2026-12-07');
    expect(vietnamToday(new Date('2026-12-07T17:00:00Z'))).toBe('2026-12-08');
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('ends a period today and cuts it to a readable number of points', () => {
    expect(periodEnding('2026-12-07', 7)).toEqual({ from: '2026-12-01', to: '2026-12-07', granularity: 'DAY' });
    expect(periodEnding('2026-12-07', 1)).toEqual({ from: '2026-12-07', to: '2026-12-07', granularity: 'HOUR' });
    expect(periodEnding('2026-12-07', 90).granularity).toBe('WEEK');
    expect(periodEnding('2026-12-07', 730).granularity).toBe('MONTH');
  });

  it('labels a day bucket by its Vietnamese date, not the browser’s', () => {
    // Local midnight of 8 December in Vietnam is still 7 December in UTC.
    expect(bucketLabel('2026-12-07T17:00:00Z', 'DAY')).toBe('08/12');
    expect(bucketLabel('2026-12-07T17:00:00Z', 'WEEK')).toBe('08/12');
    expect(bucketLabel('2026-12-07T17:00:00Z', 'HOUR')).toBe('00:00');
    expect(bucketLabel('2026-11-30T17:00:00Z', 'MONTH')).toBe('12/2026');
  });
});

describe('forecastSeries', () => {
  const history = [point('2026-12-05T17:00:00Z', 100, 1), point('2026-12-06T17:00:00Z', 200, 2)];

  it('follows the actual days with the expected ones, the lines meeting on the last actual day', () => {
    const series = forecastSeries(history, [
      { day: '2026-12-08', orders: 1.5, grossSales: { amount: 180.4 } },
      { day: '2026-12-09', orders: 2.25, grossSales: { amount: '210' } },
    ]);
    expect(series).toEqual([
      { day: '2026-12-06', actualOrders: 1, actualGrossSales: 100, expectedOrders: null, expectedGrossSales: null },
      { day: '2026-12-07', actualOrders: 2, actualGrossSales: 200, expectedOrders: 2, expectedGrossSales: 200 },
      { day: '2026-12-08', actualOrders: null, actualGrossSales: null, expectedOrders: 1.5, expectedGrossSales: 180.4 },
      { day: '2026-12-09', actualOrders: null, actualGrossSales: null, expectedOrders: 2.25, expectedGrossSales: 210 },
    ]);
  });

  it('keeps both figures for today when the history reaches it', () => {
    const series = forecastSeries(history, [{ day: '2026-12-07', orders: 3, grossSales: { amount: 300 } }]);
    expect(series).toHaveLength(2);
    expect(series[1]).toEqual({ day: '2026-12-07', actualOrders: 2, actualGrossSales: 200, expectedOrders: 3, expectedGrossSales: 300 });
  });
});
