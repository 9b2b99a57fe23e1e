import type { Endpoint, SanitizedConfig } from 'payload'

/**
 * The OpenAPI 3.1 document at `/api/openapi.json`. Our endpoints describe themselves where they
 * are declared (`documented(endpoint, operation)` puts the operation in `custom.openapi`), so the
 * description cannot drift from the route table: the document is assembled from the config, and
 * test/openapi.test.ts fails for any endpoint of ours that carries no description. Payload's own
 * REST routes are described generically for the collections frontends read.
 */
export type Operation = {
  summary: string
  description?: string
  tags?: string[]
  parameters?: unknown[]
  requestBody?: unknown
  responses: Record<string, unknown>
  security?: Array<Record<string, string[]>>
}

export function documented<T extends Endpoint>(endpoint: T, operation: Operation): T {
  endpoint.custom = { ...endpoint.custom, openapi: operation }
  return endpoint
}

export const jsonContent = (schema: unknown) => ({ 'application/json': { schema } })
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
export const errorResponse = (description: string) => ({ description, content: jsonContent(ref('Error')) })
export const queryParam = (name: string, description: string, schema: unknown = { type: 'string' }, required = false) => ({ name, in: 'query', description, required, schema })
export const pathParam = (name: string, description: string, schema: unknown = { type: 'integer', minimum: 1 }) => ({ name, in: 'path', required: true, description, schema })

const csv = (description: string, pattern?: string) => ({ type: 'string', description: `${description} Several values: comma-separated (OR).`, ...(pattern ? { pattern } : {}) })

/** The filters every discovery endpoint takes (src/lib/search-params.ts). */
export const filterParameters = [
  queryParam('q', 'Full-text query: words in any order, the last one as a prefix; accents and case ignored, stemmed per language.', { type: 'string', maxLength: 500 }),
  queryParam('city', 'City ids.', csv('City ids.', '^\\d+(,\\d+)*$')),
  queryParam('country', 'ISO 3166-1 alpha-2 codes.', csv('Country codes.', '^[A-Za-z]{2}(,[A-Za-z]{2})*$')),
  queryParam('region', 'UN M49 regions (m49-<code>).', csv('Regions.')),
  queryParam('topic', 'Topic ids.', csv('Topic ids.', '^\\d+(,\\d+)*$')),
  queryParam('sdg', 'SDG numbers 1–17.', csv('SDG numbers.')),
  queryParam('target', 'SDG target codes such as 11.2.', csv('Target codes.')),
  queryParam('partner', 'Partner ids (source of the case).', csv('Partner ids.', '^\\d+(,\\d+)*$')),
  queryParam('award', 'Award ids.', csv('Award ids.', '^\\d+(,\\d+)*$')),
  queryParam('status', 'Project status: planned, ongoing, completed…', csv('Statuses.')),
  queryParam('language', 'Original language: en, de, fr, es.', csv('Languages.')),
  queryParam('yearFrom', 'Projects running in or after this year.', { type: 'string', pattern: '^\\d{4}$' }),
  queryParam('yearTo', 'Projects that started in or before this year.', { type: 'string', pattern: '^\\d{4}$' }),
]

const SCHEMAS: Record<string, unknown> = {
  Error: {
    type: 'object',
    required: ['errors'],
    properties: { errors: { type: 'array', items: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } } } },
  },
  Document: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } }, additionalProperties: true },
  PaginatedDocuments: {
    type: 'object',
    properties: {
      docs: { type: 'array', items: ref('Document') },
      totalDocs: { type: 'integer' },
      limit: { type: 'integer' },
      page: { type: 'integer' },
      totalPages: { type: 'integer' },
      hasNextPage: { type: 'boolean' },
      hasPrevPage: { type: 'boolean' },
    },
  },
  SearchHit: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      slug: { type: ['string', 'null'] },
      title: { type: ['string', 'null'] },
      teaser: { type: ['string', 'null'] },
      summary: { type: ['string', 'null'] },
      startYear: { type: ['integer', 'null'] },
      endYear: { type: ['integer', 'null'] },
      projectStatus: { type: ['string', 'null'] },
      originalLanguage: { type: ['string', 'null'] },
      publishedAt: { type: ['string', 'null'], format: 'date-time' },
      rank: { type: ['number', 'null'], description: 'Relevance, when there is a text query.' },
      snippet: { type: ['string', 'null'], description: 'Title and summary with the matches in <mark>…</mark>.' },
    },
  },
  FacetValue: {
    type: 'object',
    required: ['value', 'label', 'count'],
    properties: { value: { type: ['string', 'integer'] }, label: { type: 'string' }, count: { type: 'integer' } },
  },
  SearchResult: {
    type: 'object',
    required: ['docs', 'totalDocs', 'page', 'limit', 'totalPages', 'facets'],
    properties: {
      docs: { type: 'array', items: ref('SearchHit') },
      totalDocs: { type: 'integer' },
      page: { type: 'integer' },
      limit: { type: 'integer' },
      totalPages: { type: 'integer' },
      facets: {
        type: 'object',
        description: 'Per filter dimension, the values with their counts on the result set, each counted with every other filter applied (OR within a facet, AND across).',
        additionalProperties: { type: 'array', items: ref('FacetValue') },
      },
    },
  },
  RelatedResult: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      docs: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            slug: { type: ['string', 'null'] },
            title: { type: ['string', 'null'] },
            score: { type: 'number' },
            reasons: { type: 'array', items: { type: 'string' } },
            shared: { type: 'object', additionalProperties: { type: 'array' } },
          },
        },
      },
    },
  },
  FeatureCollection: {
    type: 'object',
    description: 'GeoJSON (RFC 7946); coordinates are [longitude, latitude]. Clusters have properties.cluster = true and a count.',
    required: ['type', 'features'],
    properties: {
      type: { const: 'FeatureCollection' },
      bbox: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 },
      totalDocs: { type: 'integer' },
      clustered: { type: 'boolean' },
      features: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'geometry', 'properties'],
          properties: {
            type: { const: 'Feature' },
            id: { type: 'integer' },
            geometry: { type: 'object', properties: { type: { const: 'Point' }, coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } } },
            properties: { type: 'object', additionalProperties: true },
          },
        },
      },
    },
  },
}

/** The collections frontends read through Payload's generated REST API. */
const PUBLIC_COLLECTIONS = ['case-studies', 'cities', 'topics', 'sdgs', 'sdg-targets', 'sdg-indicators', 'partners', 'awards', 'articles', 'media']

function generatedPaths(config: SanitizedConfig) {
  const paths: Record<string, Record<string, unknown>> = {}
  const slugs = new Set<string>(config.collections.map((collection) => collection.slug))
  for (const slug of PUBLIC_COLLECTIONS.filter((s) => slugs.has(s))) {
    const tags = [slug]
    paths[`/api/${slug}`] = {
      get: {
        summary: `List ${slug} (Payload's generated endpoint)`,
        tags,
        parameters: [
          queryParam('where', 'Payload query, e.g. where[sdgs][in]=3 (deepObject).', { type: 'object', additionalProperties: true }),
          queryParam('limit', 'Page size, 1–100.', { type: 'integer', minimum: 1, maximum: 100 }),
          queryParam('page', 'Page number.', { type: 'integer', minimum: 1 }),
          queryParam('depth', 'Relationship population depth, 0–3.', { type: 'integer', minimum: 0, maximum: 3 }),
          queryParam('sort', 'Field to sort by; a leading - sorts descending.'),
          queryParam('locale', 'en, de, fr, es or all.'),
        ],
        responses: { '200': { description: 'A page of documents the requester may read.', content: jsonContent(ref('PaginatedDocuments')) }, '400': errorResponse('Bad query') },
      },
    }
    paths[`/api/${slug}/{id}`] = {
      get: {
        summary: `One of ${slug} (Payload's generated endpoint)`,
        tags,
        parameters: [pathParam('id', 'Document id.'), queryParam('depth', 'Relationship population depth, 0–3.', { type: 'integer', minimum: 0, maximum: 3 })],
        responses: { '200': { description: 'The document.', content: jsonContent(ref('Document')) }, '404': errorResponse('Not found or not readable') },
      },
    }
  }
  paths['/api/graphql'] = {
    post: {
      summary: "Payload's GraphQL API (same access rules as REST)",
      tags: ['graphql'],
      requestBody: { required: true, content: jsonContent({ type: 'object', required: ['query'], properties: { query: { type: 'string' }, variables: { type: 'object' } } }) },
      responses: { '200': { description: 'GraphQL result (errors in the errors array).', content: jsonContent({ type: 'object' }) } },
    },
  }
  return paths
}

/** `/:id/related` → `/{id}/related`; optional segments (`:id?`) are not used by our endpoints. */
export const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '') || ''

export type DocumentedEndpoint = { path: string; method: string; operation?: Operation }

/** Our endpoints with their paths under /api, documented or not (for the completeness check). */
export function ourEndpoints(config: SanitizedConfig): DocumentedEndpoint[] {
  const found: DocumentedEndpoint[] = []
  for (const collection of config.collections) {
    for (const endpoint of collection.endpoints || []) {
      found.push({ path: `/api/${collection.slug}${toOpenApiPath(endpoint.path)}`, method: endpoint.method, operation: endpoint.custom?.openapi as Operation | undefined })
    }
  }
  for (const endpoint of config.endpoints || []) {
    found.push({ path: `/api${toOpenApiPath(endpoint.path)}`, method: endpoint.method, operation: endpoint.custom?.openapi as Operation | undefined })
  }
  return found
}

export function buildOpenApi(config: SanitizedConfig, serverUrl: string) {
  const paths = generatedPaths(config)
  for (const endpoint of ourEndpoints(config)) {
    if (!endpoint.operation) continue
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: endpoint.operation }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Urban Sustainability Exchange API',
      version: '1',
      description:
        'Case studies of sustainable urban development: search, discovery, feeds and open data; citymaker accounts and contact; the editorial workflow. ' +
        'Errors are JSON `{ "errors": [{ "message" }] }` with a 4xx status naming the problem. Authenticated calls send `Authorization: JWT <token>` from /api/citymakers/login.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: serverUrl }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: SCHEMAS,
      securitySchemes: {
        jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'JWT <token> from POST /api/citymakers/login' },
        partnerKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'partner-accounts API-Key <key> (a partner account\'s key)' },
      },
    },
  }
}

/** `GET /api/openapi.json`. */
export const openApiEndpoint: Endpoint = documented(
  {
    path: '/openapi.json',
    method: 'get',
    handler: async (req) => Response.json(buildOpenApi(req.payload.config, req.payload.config.serverURL || new URL(req.url ?? 'http://localhost').origin)),
  },
  { summary: 'This OpenAPI 3.1 document', tags: ['meta'], responses: { '200': { description: 'The document.', content: jsonContent({ type: 'object' }) } } },
)
