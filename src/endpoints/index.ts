import type { Endpoint } from 'payload'

import { openApiEndpoint } from '../lib/openapi'
import { feedEndpoints } from './feeds'

export const endpoints: Endpoint[] = [openApiEndpoint, ...feedEndpoints]
