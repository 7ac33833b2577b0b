/**
 * The fake Bot Connector with Teams' limits (per-conversation windows, a tenant limit, injected faults). Its code
 * lives in `bot/src/proactive/testing/` so that `bench/fanout.bench.ts` can use the very same one.
 */
export { LimitedConnector, type Delivery, type Fault, type LimitedConnectorOptions } from '../../bot/src/proactive/testing/limitedConnector';
