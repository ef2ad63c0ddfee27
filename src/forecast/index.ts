/** Sales targets per user and quarter, and the quarter's forecast against them (DESIGN §11). */
import { createForecastLoaders } from './loaders';
import type { ForecastData, ForecastRowData } from './forecast';

export { forecastResolvers as resolvers } from './resolvers';
export { createForecastLoaders as createLoaders };

type ForecastLoaders = ReturnType<typeof createForecastLoaders>;
declare module '../graphql/context' {
  interface Loaders extends ForecastLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    Forecast: ForecastData;
    ForecastRow: ForecastRowData;
  }
}
