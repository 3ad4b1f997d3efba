/**
 * The dashboard's charts (recharts): sales and orders per bucket beside the previous period's, and the forecast after
 * the recent days. Each chart has a caption and a table of its numbers for people who do not see it.
 */
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '@goshop/shared';
import { bucketLabel, compareSeries, forecastSeries, type ForecastDayLike, type Granularity, type SeriesPointLike } from './shape';

const current = '#9a3412';
const previous = '#4b5563';
const axis = { fill: '#374151', fontSize: 12 };

function useCompact() {
  const { locale } = useI18n();
  return useMemo(() => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { notation: 'compact', maximumFractionDigits: 1 }), [locale]);
}

export function SalesCharts({ current: now, previous: before, granularity }: {
  current: readonly SeriesPointLike[];
  previous: readonly SeriesPointLike[] | null;
  granularity: Granularity;
}) {
  const { t, money } = useI18n();
  const compact = useCompact();
  const data = useMemo(() => compareSeries(now, before, (start) => bucketLabel(start, granularity)), [now, before, granularity]);
  return (
    <div className="seller-charts">
      <figure className="gs-card seller-chart" data-testid="sales-chart">
        <figcaption><h2>{t('seller.chart.sales')}</h2></figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#e5e7eb" />
            <XAxis dataKey="label" tick={axis} />
            <YAxis tick={axis} tickFormatter={(v: number) => compact.format(v)} width={56} />
            <Tooltip formatter={(value) => money(Number(value))} />
            <Legend />
            <Line type="monotone" dataKey="grossSales" name={t('seller.chart.thisPeriod')} stroke={current} strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="previousGrossSales" name={t('seller.chart.previousPeriod')} stroke={previous} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
        <NumbersTable
          caption={t('seller.chart.sales')}
          headers={[t('seller.chart.bucket'), t('seller.chart.thisPeriod'), t('seller.chart.previousPeriod')]}
          rows={data.map((p) => [p.label, money(p.grossSales), p.previousGrossSales === null ? '–' : money(p.previousGrossSales)])}
        />
      </figure>
      <figure className="gs-card seller-chart" data-testid="orders-chart">
        <figcaption><h2>{t('seller.chart.orders')}</h2></figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#e5e7eb" />
            <XAxis dataKey="label" tick={axis} />
            <YAxis tick={axis} allowDecimals={false} width={40} />
            <Tooltip />
            <Legend />
            <Bar dataKey="orders" name={t('seller.chart.thisPeriod')} fill={current} isAnimationActive={false} />
            <Bar dataKey="previousOrders" name={t('seller.chart.previousPeriod')} fill={previous} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
        <NumbersTable
          caption={t('seller.chart.orders')}
          headers={[t('seller.chart.bucket'), t('seller.chart.thisPeriod'), t('seller.chart.previousPeriod')]}
          rows={data.map((p) => [p.label, String(p.orders), p.previousOrders === null ? '–' : String(p.previousOrders)])}
        />
      </figure>
    </div>
  );
}

export function ForecastChart({ recent, forecast }: { recent: readonly SeriesPointLike[]; forecast: readonly ForecastDayLike[] }) {
  const { t, money } = useI18n();
  const compact = useCompact();
  const data = useMemo(
    () => forecastSeries(recent, forecast).map((point) => ({ ...point, label: `${point.day.slice(8, 10)}/${point.day.slice(5, 7)}` })),
    [recent, forecast],
  );
  return (
    <figure className="seller-chart" data-testid="forecast-chart">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e5e7eb" />
          <XAxis dataKey="label" tick={axis} />
          <YAxis tick={axis} tickFormatter={(v: number) => compact.format(v)} width={56} />
          <Tooltip formatter={(value) => money(Math.round(Number(value)))} />
          <Legend />
          <Line type="monotone" dataKey="actualGrossSales" name={t('seller.forecast.actual')} stroke={current} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="expectedGrossSales" name={t('seller.forecast.expected')} stroke={previous} strokeDasharray="5 4" dot={false} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <NumbersTable
        caption={t('seller.forecast.title')}
        headers={[t('seller.chart.day'), t('seller.forecast.actual'), t('seller.forecast.expected')]}
        rows={data.map((p) => [
          p.label,
          p.actualGrossSales === null ? '–' : money(p.actualGrossSales),
          p.expectedGrossSales === null ? '–' : money(Math.round(p.expectedGrossSales)),
        ])}
      />
    </figure>
  );
}

/** The chart's numbers as a table that only screen readers read. */
function NumbersTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  return (
    <table className="gs-visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>{headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((cells, index) => (
          <tr key={index}>{cells.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}</tr>
        ))}
      </tbody>
    </table>
  );
}
