import type { CollectionConfig } from 'payload'

import { requireExistingReferences } from '../hooks/requireExistingReferences'
import { Articles } from './Articles'
import { Awards } from './Awards'
import { CaseStudies } from './CaseStudies'
import { Cities } from './Cities'
import { Citymakers } from './Citymakers'
import { Media } from './Media'
import { Partners } from './Partners'
import { SdgIndicators, SdgTargets, Sdgs } from './Sdgs'
import { Topics } from './Topics'
import { WorkflowEvents } from './WorkflowEvents'

/** Every collection refuses relationships to documents that do not exist, before its own hooks use them. */
const withReferenceCheck = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeChange: [requireExistingReferences, ...(collection.hooks?.beforeChange ?? [])] },
})

export const collections: CollectionConfig[] = [
  CaseStudies,
  Articles,
  Citymakers,
  Cities,
  Topics,
  Partners,
  Awards,
  Sdgs,
  SdgTargets,
  SdgIndicators,
  Media,
  WorkflowEvents,
].map(withReferenceCheck)
