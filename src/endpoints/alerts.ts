import type { Endpoint } from 'payload'

export const alertsEndpoints: Endpoint[] = []
