import type {
  CampaignAdminResponse,
  CampaignBody,
  CampaignResponse,
  CoordinatorsBody,
  CoordinatorsResponse,
  DayPlanBody,
  DayPlanResponse,
  SendRunsResponse,
  TeamsAdminResponse,
  TeamsBody,
} from './admin';
import type { BarriersResponse, RecognitionBody, RecognitionResponse } from './barriers';
import type { WerkatelierResponse } from './werkatelier';
import type { OrgOverviewResponse, TeamDashboardResponse } from './dashboard';
import type { CreateFromBarriersBody, DismissBody, InboxResponse, LinkBody, MergeBody, TriageResponse } from './inbox';
import type { CheckInBody, CheckInSaved, DeleteMeBody, DeleteMeResponse, MeResponse, MyDataExport, MySettings, SettingsBody } from './me';
import type {
  ActionDetailResponse,
  ActionResponse,
  AddNoteBody,
  CreateActionBody,
  NoteResponse,
  ProgrammeResponse,
  UpdateActionBody,
  YouSaidResponse,
} from './programme';
import type { ReportResponse } from './report';
import type { LastingOrgResponse, LastingReportResponse, LastingTeamResponse, MyLastingResponse, MyPledge } from './lasting';
import type { PledgesBody } from './lastingBody';
import type { DevSessionRequest, DevSessionResponse, DevUsersResponse, SessionInfo, TeamsResponse } from './session';

/**
 * The tab API's route table: every route the tab calls, once, with its method, path, who may call it, the label
 * its errors are logged under, and (at type level only) its request body, query and response. The server mounts
 * each route from here (`bot/src/tabApi/routes.ts`), the tab's client calls routes by name from here
 * (`tab/src/api/client.ts`), and the security suite enumerates them from here (tests/security). Everything above is
 * `import type`: this module's runtime is the table and {@link apiPath}, so the tab's first view gets no zod.
 *
 * Not here, because the tab never calls them and they have their own guard and answers: the bot's
 * `POST /api/messages` and `GET /healthz` (bot/src/server/createServer.ts), `POST /api/jobs/:name`
 * (bot/src/jobs/route.ts), the signed data download `GET /api/me/export/:token` (bot/src/features/myData) and the
 * tab's static files under `/tab/`.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route (tests/security/tabApiAuthz.test.ts proves it for every route):
 * - `signedIn`: anyone with a valid token of an allowed tenant; `me` routes answer about the caller only;
 * - `team`: the team's own members, its managers and coordinators;
 * - `coordinator`: coordinators only;
 * - `devSignIn`: no token (it hands one out): the local dev sign-in, mounted only with DEV_SIGNIN=1 and no Entra app.
 */
export type RouteAccess = 'signedIn' | 'team' | 'coordinator' | 'devSignIn';

export interface ApiRoute<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  A extends RouteAccess = RouteAccess,
  Req = unknown,
  Res = unknown,
  Query = unknown,
> {
  readonly method: M;
  /** restify's path pattern: `:name` is a path parameter (one per segment). */
  readonly path: P;
  readonly access: A;
  /** The `route` field of the error log line when a handler fails unexpectedly. */
  readonly label: string;
  /** Type level only, never set: the request body, the response body and the query parameters. */
  readonly types?: { readonly request: Req; readonly response: Res; readonly query: Query };
}

/**
 * One route: `route<Response, RequestBody, Query>()({ method, path, access, label })`. Curried so that the types
 * are given by hand and the method, path and access are inferred as literals.
 */
function route<Res, Req = undefined, Query = undefined>() {
  return <const M extends HttpMethod, const P extends `/api/${string}`, const A extends RouteAccess>(spec: {
    readonly method: M;
    readonly path: P;
    readonly access: A;
    readonly label: string;
  }): ApiRoute<M, P, A, Req, Res, Query> => spec;
}

/** The campaign a coordinator's view or download is about (absent: the current one). */
type CampaignQuery = { readonly campaignId?: string };
/** The theme of the werkatelier sheet (absent or empty: every theme). */
type WerkatelierQuery = { readonly theme?: string };

/**
 * The table. Names are `<area>.<thing>.<verb>`-ish and never change meaning; labels are what the logs always said
 * (older routes log `METHOD path`, newer ones their name).
 */
export const API_ROUTES = {
  // Who is calling, the organisation's teams, and the local dev sign-in (contract: ./session.ts).
  'session.get': route<SessionInfo>()({ method: 'GET', path: '/api/session', access: 'signedIn', label: 'GET /api/session' }),
  'teams.get': route<TeamsResponse>()({ method: 'GET', path: '/api/teams', access: 'signedIn', label: 'GET /api/teams' }),
  'dev.users.get': route<DevUsersResponse>()({ method: 'GET', path: '/api/dev/users', access: 'devSignIn', label: 'GET /api/dev/users' }),
  'dev.session.create': route<DevSessionResponse, DevSessionRequest>()({ method: 'POST', path: '/api/dev/session', access: 'devSignIn', label: 'POST /api/dev/session' }),

  // Dashboards (./dashboard.ts).
  'dashboard.get': route<TeamDashboardResponse>()({ method: 'GET', path: '/api/teams/:teamId/dashboard', access: 'team', label: 'GET /api/teams/:teamId/dashboard' }),
  'org.overview.get': route<OrgOverviewResponse>()({ method: 'GET', path: '/api/org/overview', access: 'signedIn', label: 'GET /api/org/overview' }),

  // The caller's own progress and data (./me.ts).
  'me.get': route<MeResponse>()({ method: 'GET', path: '/api/me', access: 'signedIn', label: 'GET /api/me' }),
  'me.checkin.put': route<CheckInSaved, CheckInBody>()({ method: 'PUT', path: '/api/me/checkins/:date', access: 'signedIn', label: 'PUT /api/me/checkins/:date' }),
  'me.settings.put': route<MySettings, SettingsBody>()({ method: 'PUT', path: '/api/me/settings', access: 'signedIn', label: 'PUT /api/me/settings' }),
  'me.export.get': route<MyDataExport>()({ method: 'GET', path: '/api/me/export', access: 'signedIn', label: 'GET /api/me/export' }),
  'me.delete': route<DeleteMeResponse, DeleteMeBody>()({ method: 'DELETE', path: '/api/me', access: 'signedIn', label: 'DELETE /api/me' }),

  // The action programme and "you said, we did" (./programme.ts).
  'programme.get': route<ProgrammeResponse>()({ method: 'GET', path: '/api/programme', access: 'signedIn', label: 'programme.get' }),
  'actions.get': route<ActionDetailResponse>()({ method: 'GET', path: '/api/actions/:actionId', access: 'signedIn', label: 'actions.get' }),
  'actions.create': route<ActionResponse, CreateActionBody>()({ method: 'POST', path: '/api/actions', access: 'coordinator', label: 'actions.create' }),
  'actions.update': route<ActionResponse, UpdateActionBody>()({ method: 'PATCH', path: '/api/actions/:actionId', access: 'coordinator', label: 'actions.update' }),
  'actions.note': route<NoteResponse, AddNoteBody>()({ method: 'POST', path: '/api/actions/:actionId/notes', access: 'coordinator', label: 'actions.note' }),
  'yousaid.get': route<YouSaidResponse>()({ method: 'GET', path: '/api/yousaid', access: 'signedIn', label: 'yousaid.get' }),

  // The barrier inbox (./inbox.ts).
  'inbox.get': route<InboxResponse>()({ method: 'GET', path: '/api/inbox', access: 'coordinator', label: 'inbox.get' }),
  'inbox.link': route<TriageResponse, LinkBody>()({ method: 'POST', path: '/api/inbox/link', access: 'coordinator', label: 'inbox.link' }),
  'inbox.createAction': route<TriageResponse, CreateFromBarriersBody>()({ method: 'POST', path: '/api/inbox/create-action', access: 'coordinator', label: 'inbox.createAction' }),
  'inbox.merge': route<TriageResponse, MergeBody>()({ method: 'POST', path: '/api/inbox/merge', access: 'coordinator', label: 'inbox.merge' }),
  'inbox.dismiss': route<TriageResponse, DismissBody>()({ method: 'POST', path: '/api/inbox/dismiss', access: 'coordinator', label: 'inbox.dismiss' }),

  // Campaign admin and the printable report (./admin.ts, ./report.ts).
  'admin.campaign.get': route<CampaignAdminResponse>()({ method: 'GET', path: '/api/admin/campaign', access: 'coordinator', label: 'admin.campaign.get' }),
  'admin.campaign.put': route<CampaignResponse, CampaignBody>()({ method: 'PUT', path: '/api/admin/campaign', access: 'coordinator', label: 'admin.campaign.put' }),
  'admin.dayplan.get': route<DayPlanResponse, undefined, CampaignQuery>()({ method: 'GET', path: '/api/admin/dayplan', access: 'coordinator', label: 'admin.dayplan.get' }),
  'admin.dayplan.put': route<DayPlanResponse, DayPlanBody>()({ method: 'PUT', path: '/api/admin/dayplan', access: 'coordinator', label: 'admin.dayplan.put' }),
  'admin.teams.get': route<TeamsAdminResponse>()({ method: 'GET', path: '/api/admin/teams', access: 'coordinator', label: 'admin.teams.get' }),
  'admin.teams.put': route<TeamsAdminResponse, TeamsBody>()({ method: 'PUT', path: '/api/admin/teams', access: 'coordinator', label: 'admin.teams.put' }),
  'admin.coordinators.get': route<CoordinatorsResponse>()({ method: 'GET', path: '/api/admin/coordinators', access: 'coordinator', label: 'admin.coordinators.get' }),
  'admin.coordinators.put': route<CoordinatorsResponse, CoordinatorsBody>()({ method: 'PUT', path: '/api/admin/coordinators', access: 'coordinator', label: 'admin.coordinators.put' }),
  'admin.sendRuns.get': route<SendRunsResponse>()({ method: 'GET', path: '/api/admin/send-runs', access: 'coordinator', label: 'admin.sendRuns.get' }),
  /** A CSV file (`text/csv`, columns: EXPORT_CSV_COLUMNS in ./admin.ts), not JSON; its errors are the usual JSON. */
  'admin.exportCsv': route<string, undefined, CampaignQuery>()({ method: 'GET', path: '/api/admin/export.csv', access: 'coordinator', label: 'admin.exportCsv' }),
  'report.get': route<ReportResponse, undefined, CampaignQuery>()({ method: 'GET', path: '/api/report', access: 'coordinator', label: 'report.get' }),

  // What lasted after a campaign: nulmeting → eindmeting and the follow-up waves (./lasting.ts).
  'lasting.team.get': route<LastingTeamResponse, undefined, CampaignQuery>()({ method: 'GET', path: '/api/teams/:teamId/lasting', access: 'team', label: 'lasting.team.get' }),
  'lasting.org.get': route<LastingOrgResponse, undefined, CampaignQuery>()({ method: 'GET', path: '/api/org/lasting', access: 'signedIn', label: 'lasting.org.get' }),
  'lasting.report.get': route<LastingReportResponse, undefined, CampaignQuery>()({ method: 'GET', path: '/api/report/lasting', access: 'coordinator', label: 'lasting.report.get' }),
  'me.lasting.get': route<MyLastingResponse>()({ method: 'GET', path: '/api/me/lasting', access: 'signedIn', label: 'me.lasting.get' }),
  'me.pledges.put': route<MyPledge, PledgesBody>()({ method: 'PUT', path: '/api/me/pledges/:campaignId', access: 'signedIn', label: 'me.pledges.put' }),
  // "Herken ik" on barriers, every employee who joined (./barriers.ts).
  'barriers.get': route<BarriersResponse>()({ method: 'GET', path: '/api/barriers', access: 'signedIn', label: 'barriers.get' }),
  'barriers.recognition.put': route<RecognitionResponse, RecognitionBody>()({ method: 'PUT', path: '/api/barriers/:barrierId/recognition', access: 'signedIn', label: 'barriers.recognition.put' }),

  // The werkatelier sheet, coordinators (./werkatelier.ts).
  'werkatelier.get': route<WerkatelierResponse, undefined, WerkatelierQuery>()({ method: 'GET', path: '/api/werkatelier', access: 'coordinator', label: 'werkatelier.get' }),
  /** A CSV file (`text/csv`, columns: WERKATELIER_CSV_COLUMNS in ./werkatelier.ts), not JSON; its errors are the usual JSON. */
  'werkatelier.csv': route<string, undefined, WerkatelierQuery>()({ method: 'GET', path: '/api/werkatelier.csv', access: 'coordinator', label: 'werkatelier.csv' }),
};

export type ApiRoutes = typeof API_ROUTES;
export type ApiRouteName = keyof ApiRoutes;

/** The names of the routes with method `M` (`RouteNameOf<'GET'>`), or with access `A`. */
export type RouteNameOf<M extends HttpMethod> = { [N in ApiRouteName]: ApiRoutes[N]['method'] extends M ? N : never }[ApiRouteName];
export type RouteNameWithAccess<A extends RouteAccess> = { [N in ApiRouteName]: ApiRoutes[N]['access'] extends A ? N : never }[ApiRouteName];
/** Routes the tab reads (`useApi`, `api.get`) and routes it changes something with (`api.send`). */
export type GetRouteName = RouteNameOf<'GET'>;
export type SendRouteName = RouteNameOf<'POST' | 'PUT' | 'PATCH' | 'DELETE'>;

type TypesOf<N extends ApiRouteName> = NonNullable<ApiRoutes[N]['types']>;
/** The request body route `N` takes (`undefined`: none). */
export type RequestOf<N extends ApiRouteName> = TypesOf<N>['request'];
/** The JSON body route `N` answers with on success. */
export type ResponseOf<N extends ApiRouteName> = TypesOf<N>['response'];
/** The query parameters route `N` reads (`undefined`: none). */
export type QueryOf<N extends ApiRouteName> = TypesOf<N>['query'];

/** `'/api/actions/:actionId/notes'` → `'actionId'`. */
export type PathParamNames<P extends string> = P extends `${string}/:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}/:${infer Name}`
    ? Name
    : never;
/** The path parameters of route `N`, each as text (the client percent-encodes them). */
export type ParamsOf<N extends ApiRouteName> = { readonly [K in PathParamNames<ApiRoutes[N]['path']>]: string };

/** What a call gives besides the route and body: its path parameters (required when the path has any) and query. */
export type RouteArgs<N extends ApiRouteName> = ([PathParamNames<ApiRoutes[N]['path']>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: ParamsOf<N> }) &
  ([QueryOf<N>] extends [undefined] ? { readonly query?: undefined } : { readonly query?: QueryOf<N> });
/** {@link RouteArgs} as the rest of a call's arguments: optional unless the path has parameters. */
export type RouteArgsTuple<N extends ApiRouteName> = [PathParamNames<ApiRoutes[N]['path']>] extends [never]
  ? [args?: RouteArgs<N>]
  : [args: RouteArgs<N>];

/** One table row with its name, for code that walks the table (the server's mounting, the security suite). */
export interface NamedApiRoute extends ApiRoute {
  readonly name: ApiRouteName;
}

/** Every route of the table, in table order. */
export function apiRouteList(): NamedApiRoute[] {
  return (Object.keys(API_ROUTES) as ApiRouteName[]).map((name) => ({ name, ...API_ROUTES[name] }));
}

/**
 * The path to call for route `name`: its parameters filled in and percent-encoded, then the query parameters that
 * have a value (`apiPath('actions.get', { params: { actionId: 'a 1' } })` → `/api/actions/a%201`).
 */
export function apiPath<N extends ApiRouteName>(name: N, ...[args]: RouteArgsTuple<N>): string {
  const params: Readonly<Record<string, string>> = args?.params ?? {};
  const path = API_ROUTES[name].path.replace(/:([A-Za-z]+)/g, (_m, param: string) => {
    const value = params[param];
    if (value === undefined) throw new Error(`apiPath(${name}): no value for :${param}`);
    return encodeURIComponent(value);
  });
  const query: Readonly<Record<string, string | undefined>> = args?.query ?? {};
  const pairs = Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [`${encodeURIComponent(key)}=${encodeURIComponent(value)}`]));
  return pairs.length === 0 ? path : `${path}?${pairs.join('&')}`;
}
