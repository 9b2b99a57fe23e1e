import type { CollectionConfig } from 'payload'

import { clampQuery } from '../hooks/clampQuery'
import { requireExistingReferences } from '../hooks/requireExistingReferences'
import { AlertDeliveries } from './AlertDeliveries'
import { Articles } from './Articles'
import { Awards } from './Awards'
import { CaseStudies } from './CaseStudies'
import { Cities } from './Cities'
import { Citymakers } from './Citymakers'
import { ContactMessages } from './ContactMessages'
import { Imports } from './Imports'
import { Media } from './Media'
import { PartnerAccounts } from './PartnerAccounts'
import { Partners } from './Partners'
import { SdgIndicators, SdgTargets, Sdgs } from './Sdgs'
import { Topics } from './Topics'
import { WorkflowEvents } from './WorkflowEvents'

/**
 * What every collection does besides its own rules: refuse relationships to documents that do not
 * exist (before its own hooks use them) and clamp `limit`/`depth` of API reads.
 */
const withSharedHooks = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [...(collection.hooks?.beforeOperation ?? []), clampQuery],
    beforeChange: [requireExistingReferences, ...(collection.hooks?.beforeChange ?? [])],
  },
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
  ContactMessages,
  AlertDeliveries,
  Imports,
  PartnerAccounts,
].map(withSharedHooks)
