import type { Endpoint } from 'payload'

import { openApiEndpoint } from '../lib/openapi'

export const endpoints: Endpoint[] = [openApiEndpoint]
