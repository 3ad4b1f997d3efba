/**
 * The shop's analytics: the period's figures with the previous period beside each, sales and orders per bucket
 * against the previous period, the best products, the forecast with how far it was off on the last 28 days, and a
 * CSV of the daily figures. Analytics is fed by events, so an order shows up here a moment after it happened.
 */
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Button, Loading, friendlyError, useI18n } from '@goshop/shared';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import { useShopId } from '../shell/CurrentShop';
import { usePageTitle } from '../shell/usePageTitle';
import { addDays, compareFigure, periodEnding, vietnamToday, type ComparedFigure } from '../analytics/shape';
import { ForecastChart, SalesCharts } from '../analytics/Charts';
import { useFormMutation } from '../forms/useFormMutation';
import { Thumbnail } from '../components/Thumbnail';

const AnalyticsFigures = graphql(`
  fragment AnalyticsFigures on ShopAnalytics {
    grossSales { amount }
    netRevenue { amount }
    orders
    units
    averageOrderValue { amount }
    uniqueBuyers
    productViews
    conversionRate
    cancellationRate
    returnRate
  }
`);

const DashboardQuery = graphql(`
  query SellerDashboard($shopId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!, $recentFrom: Date!, $today: Date!) {
    shop(id: $shopId) {
      id
      analytics(from: $from, to: $to, granularity: $granularity) {
        from
        to
        ...AnalyticsFigures
        series { start grossSales { amount } orders }
        topProducts {
          units
          orders
          revenue { amount }
          product { id title media { id url variants { name url } } }
        }
        previous {
          from
          to
          ...AnalyticsFigures
          series { start grossSales { amount } orders }
        }
      }
      recent: analytics(from: $recentFrom, to: $today, granularity: DAY) {
        series { start grossSales { amount } orders }
      }
      forecast(days: 14) {
        method
        historyDays
        days { day orders grossSales { amount } }
        backtest {
          days
          ordersMeanAbsoluteError
          ordersWeightedError
          grossSalesMeanAbsoluteError { amount }
          grossSalesWeightedError
        }
      }
    }
  }
`);

const ExportReport = graphql(`
  mutation SellerExportReport($input: ExportShopReportInput!) {
    exportShopReport(input: $input) {
      url
      expiresAt
      userErrors { code field message }
    }
  }
`);

const periods = [1, 7, 30, 90, 365] as const;
type PeriodDays = (typeof periods)[number];

export function DashboardPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle('seller.nav.dashboard');
  const shopId = useShopId();
  const [days, setDays] = useState<PeriodDays>(7);
  const today = vietnamToday(new Date());
  const period = periodEnding(today, days);
  const variables = { shopId, ...period, recentFrom: addDays(today, -27), today };
  const [{ data, fetching, error }, refetch] = useQuery({ query: DashboardQuery, variables, requestPolicy: 'cache-and-network' });
  const analytics = data?.shop?.analytics;

  return (
    <section aria-labelledby="dashboard-title">
      <div className="seller-toolbar">
        <h1 id="dashboard-title">{t('seller.nav.dashboard')}</h1>
        <div role="group" aria-label={t('seller.dashboard.period')} className="seller-segmented">
          {periods.map((d) => (
            <button key={d} type="button" aria-pressed={d === days} onClick={() => setDays(d)}>
              {t(`seller.dashboard.last${d}`)}
            </button>
          ))}
        </div>
        <Button variant="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('seller.refresh')}</Button>
      </div>
      <p className="gs-muted">
        {t('seller.dashboard.periodRange', { from: formatDay(period.from), to: formatDay(period.to) })}
        {analytics?.previous && ` · ${t('seller.dashboard.comparedWith', { from: formatDay(analytics.previous.from), to: formatDay(analytics.previous.to) })}`}
      </p>
      <Alert>{friendlyError(error, i18n)}</Alert>
      {fetching && !data && <Loading />}
      {analytics && (
        <>
          <Figures current={analytics} previous={analytics.previous ?? null} />
          <SalesCharts current={analytics.series} previous={analytics.previous?.series ?? null} granularity={period.granularity} />
          <TopProducts products={analytics.topProducts} />
        </>
      )}
      {data?.shop && (
        <ForecastSection forecast={data.shop.forecast ?? null} recent={data.shop.recent?.series ?? []} />
      )}
      <ExportSection shopId={shopId} from={period.from} to={period.to} />
    </section>
  );
}

/** A YYYY-MM-DD day as both languages here write it, day first. */
function formatDay(day: string) {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

type FiguresFragment = FragmentType<typeof AnalyticsFigures>;

function Figures({ current, previous }: { current: FiguresFragment; previous: FiguresFragment | null }) {
  const i18n = useI18n();
  const { t, money, locale } = i18n;
  const now = getFragmentData(AnalyticsFigures, current);
  const before = previous ? getFragmentData(AnalyticsFigures, previous) : null;
  const number = (value: number) => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US').format(value);
  const percent = (value: number) =>
    new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const figures: { key: string; figure: ComparedFigure; format: (value: number) => string; lowerIsBetter?: boolean }[] = [
    { key: 'grossSales', figure: compareFigure(now.grossSales.amount, before?.grossSales.amount), format: (v) => money(v) },
    { key: 'netRevenue', figure: compareFigure(now.netRevenue.amount, before?.netRevenue.amount), format: (v) => money(v) },
    { key: 'orders', figure: compareFigure(now.orders, before?.orders), format: number },
    { key: 'units', figure: compareFigure(now.units, before?.units), format: number },
    { key: 'averageOrderValue', figure: compareFigure(now.averageOrderValue.amount, before?.averageOrderValue.amount), format: (v) => money(v) },
    { key: 'uniqueBuyers', figure: compareFigure(now.uniqueBuyers, before?.uniqueBuyers), format: number },
    { key: 'productViews', figure: compareFigure(now.productViews, before?.productViews), format: number },
    { key: 'conversionRate', figure: compareFigure(now.conversionRate, before?.conversionRate), format: percent },
    { key: 'cancellationRate', figure: compareFigure(now.cancellationRate, before?.cancellationRate), format: percent, lowerIsBetter: true },
    { key: 'returnRate', figure: compareFigure(now.returnRate, before?.returnRate), format: percent, lowerIsBetter: true },
  ];
  return (
    <ul className="seller-figures" aria-label={t('seller.dashboard.figures')}>
      {figures.map(({ key, figure, format, lowerIsBetter }) => {
        const better = figure.change === null || figure.change === 0 ? null : (figure.change > 0) !== Boolean(lowerIsBetter);
        return (
          <li key={key} className="gs-card seller-figure" data-figure={key}>
            <span className="seller-figure__label">{t(`seller.figure.${key}`)}</span>
            <strong className="seller-figure__value">{format(figure.current)}</strong>
            <span className="seller-figure__previous">
              {figure.previous === null
                ? t('seller.dashboard.noPrevious')
                : t('seller.dashboard.previousValue', { value: format(figure.previous) })}
              {figure.change !== null && (
                <span className={better ? 'seller-up' : 'seller-down'}>
                  {' '}
                  ({figure.change > 0 ? '+' : ''}
                  {percent(figure.change)})
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

interface TopProduct {
  units: number;
  orders: number;
  revenue: { amount: number };
  product?: { id: string; title: string; media: ({ url: string; variants: { name: string; url: string }[] } | null)[] } | null;
}

function TopProducts({ products }: { products: readonly TopProduct[] }) {
  const { t, money } = useI18n();
  return (
    <section className="gs-card seller-section" aria-labelledby="top-products-title">
      <h2 id="top-products-title">{t('seller.dashboard.topProducts')}</h2>
      {products.length === 0 ? (
        <p className="gs-muted">{t('seller.dashboard.noSales')}</p>
      ) : (
        <table className="seller-table">
          <thead>
            <tr>
              <th scope="col">{t('seller.product')}</th>
              <th scope="col">{t('seller.figure.units')}</th>
              <th scope="col">{t('seller.figure.orders')}</th>
              <th scope="col">{t('seller.figure.revenue')}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((row, index) => (
              <tr key={row.product?.id ?? index}>
                <td className="seller-product-cell">
                  <Thumbnail media={row.product?.media[0] ?? null} />
                  {row.product?.title ?? t('seller.unavailable')}
                </td>
                <td>{row.units}</td>
                <td>{row.orders}</td>
                <td>{money(row.revenue.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface Forecast {
  method: string;
  historyDays: number;
  days: { day: string; orders: number; grossSales: { amount: number } }[];
  backtest?: {
    days: number;
    ordersMeanAbsoluteError: number;
    ordersWeightedError?: number | null;
    grossSalesMeanAbsoluteError: { amount: number };
    grossSalesWeightedError?: number | null;
  } | null;
}

function ForecastSection({ forecast, recent }: { forecast: Forecast | null; recent: readonly { start: string; grossSales: { amount: number }; orders: number }[] }) {
  const { t, money, locale } = useI18n();
  const percent = (value: number) => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const decimal = (value: number) => new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 }).format(value);
  const totals = useMemo(
    () => forecast?.days.reduce((sum, day) => ({ orders: sum.orders + day.orders, sales: sum.sales + day.grossSales.amount }), { orders: 0, sales: 0 }),
    [forecast],
  );
  return (
    <section className="gs-card seller-section" aria-labelledby="forecast-title">
      <h2 id="forecast-title">{t('seller.forecast.title')}</h2>
      {!forecast ? (
        <p className="gs-muted">{t('seller.forecast.notYet')}</p>
      ) : (
        <>
          <p>
            {t('seller.forecast.summary', {
              days: forecast.days.length,
              orders: decimal(totals?.orders ?? 0),
              sales: money(Math.round(totals?.sales ?? 0)),
              history: forecast.historyDays,
            })}
          </p>
          <ForecastChart recent={recent} forecast={forecast.days} />
          {forecast.backtest ? (
            <p data-testid="forecast-backtest">
              {t('seller.forecast.backtest', {
                days: forecast.backtest.days,
                orders: decimal(forecast.backtest.ordersMeanAbsoluteError),
                sales: money(Math.round(forecast.backtest.grossSalesMeanAbsoluteError.amount)),
              })}
              {forecast.backtest.grossSalesWeightedError != null &&
                ` ${t('seller.forecast.weightedError', { share: percent(forecast.backtest.grossSalesWeightedError) })}`}
            </p>
          ) : (
            <p className="gs-muted" data-testid="forecast-backtest">{t('seller.forecast.noBacktest')}</p>
          )}
        </>
      )}
    </section>
  );
}

const exportFields = ['from', 'to'] as const;

function ExportSection({ shopId, from, to }: { shopId: string; from: string; to: string }) {
  const { t, locale } = useI18n();
  const exporting = useFormMutation(ExportReport, exportFields);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  async function run() {
    setLink(null);
    const payload = await exporting.submit({ input: { shopId, from, to } });
    if (payload?.url && payload.expiresAt) setLink({ url: payload.url, expiresAt: payload.expiresAt });
  }
  const errors = [...exporting.errors.form, ...Object.values(exporting.errors.fields).flat()];
  return (
    <section className="gs-card seller-section" aria-labelledby="export-title">
      <h2 id="export-title">{t('seller.export.title')}</h2>
      <p className="gs-muted">{t('seller.export.explain')}</p>
      <Button variant="secondary" onClick={() => void run()} disabled={exporting.fetching}>{t('seller.export.create')}</Button>
      <Alert>{errors.join(' ')}</Alert>
      {link && (
        <p>
          <a href={link.url} download>{t('seller.export.download')}</a>{' '}
          <span className="gs-muted">
            {t('seller.export.expires', { time: new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeStyle: 'short' }).format(new Date(link.expiresAt)) })}
          </span>
        </p>
      )}
    </section>
  );
}
