import type { Endpoint } from 'payload'

export const accountEndpoints: Endpoint[] = []
