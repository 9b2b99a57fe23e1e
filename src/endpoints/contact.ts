import type { Endpoint } from 'payload'

export const contactEndpoints: Endpoint[] = []
