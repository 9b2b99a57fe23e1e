import type { CollectionConfig } from 'payload'

import { Articles } from './Articles'
import { Awards } from './Awards'
import { CaseStudies } from './CaseStudies'
import { Cities } from './Cities'
import { Citymakers } from './Citymakers'
import { Media } from './Media'
import { Partners } from './Partners'
import { SdgIndicators, SdgTargets, Sdgs } from './Sdgs'
import { Topics } from './Topics'

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
]
