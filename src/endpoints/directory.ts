import type { Endpoint } from 'payload'

export const directoryEndpoints: Endpoint[] = []
