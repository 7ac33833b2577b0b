import type { Request, Response } from 'restify';
import type { Localized } from '@soestainable/shared/domain/types';
import { isAppError } from '../../errors';
import { errorFields, type Logger } from '../../platform/logger';
import type { Repositories } from '../../storage/repositories';
import type { RouteRegistrar } from '../../server/createServer';
import { EXPORT_FILE_NAME, exportDocument } from '../../services/personalData/exportDocument';
import { readStoredData } from '../../services/personalData/storedData';
import type { ExportTokens } from './exportToken';
import { myDataTexts as T } from './texts';
import { EXPORT_ROUTE } from './verbs';

/** Both languages in one message: the browser that opens the link does not tell us the person's choice. */
function bilingual(text: Localized): string {
  return `${text.nl} / ${text.en}`;
}

/** Headers for anything this route answers: never cached, never leaked to another site through a Referer. */
const PRIVATE_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

function sendJson(res: Response, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, {
    ...PRIVATE_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text, 'utf8')),
  });
  res.end(text);
}

export interface ExportRouteDeps {
  readonly repos: Repositories;
  readonly orgId: string;
  readonly tokens: ExportTokens;
  readonly logger: Logger;
  readonly now: () => Date;
}

/**
 * `GET /api/me/export/:token`: the person's data as a JSON file download, built fresh on every request. The
 * token (exportToken.ts) is the only credential: short-lived, for one user, HMAC-signed. It is never logged.
 * Bad or expired tokens get 401 with a code and a message in Dutch and English.
 */
export function exportRoute(deps: ExportRouteDeps): RouteRegistrar {
  const { repos, orgId, tokens, logger, now } = deps;
  return (server) => {
    server.get(EXPORT_ROUTE, async (req: Request, res: Response) => {
      const check = tokens.verify(req.params?.['token'] ?? '');
      if (!check.ok) {
        logger.warn('data export refused', { reason: check.reason });
        const expired = check.reason === 'expired';
        sendJson(res, 401, {
          code: expired ? 'EXPORT_LINK_EXPIRED' : 'EXPORT_LINK_INVALID',
          message: bilingual(expired ? T.linkExpired : T.linkInvalid),
        });
        return;
      }
      try {
        const data = await readStoredData(repos, orgId, check.userId);
        sendJson(res, 200, exportDocument(data, now()), { 'Content-Disposition': `attachment; filename="${EXPORT_FILE_NAME}"` });
        logger.info('data export served', { checkIns: data.checkIns.length, surveys: data.surveys.length, reports: data.barriers.length + data.ideas.length });
      } catch (err) {
        logger.error('data export failed', errorFields(err));
        const unavailable = isAppError(err, 'STORAGE_UNAVAILABLE');
        sendJson(res, unavailable ? 503 : 500, { code: unavailable ? 'STORAGE_UNAVAILABLE' : 'EXPORT_FAILED', message: bilingual(T.exportFailed) });
      }
    });
  };
}
