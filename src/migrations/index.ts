import * as migration_20261128_175442_initial from './20261128_175442_initial';
import * as migration_20261128_213939_community from './20261128_213939_community';
import * as migration_20261128_214306_community_jobs from './20261128_214306_community_jobs';
import * as migration_20261128_220336_alerts_frequency_optional from './20261128_220336_alerts_frequency_optional';
import * as migration_20261128_233655_search from './20261128_233655_search';
import * as migration_20261129_004633_case_published_at from './20261129_004633_case_published_at';
import * as migration_20261129_011622_feeds from './20261129_011622_feeds';
import * as migration_20261129_014446_search_updated_at from './20261129_014446_search_updated_at';
import * as migration_20261129_015000_locale_parent_indexes from './20261129_015000_locale_parent_indexes';
import * as migration_20261129_015728_feed_images from './20261129_015728_feed_images';
import * as migration_20261129_023000_search_head from './20261129_023000_search_head';
import * as migration_20261129_040000_search_generation from './20261129_040000_search_generation';
import * as migration_20261129_041000_search_text from './20261129_041000_search_text';
import * as migration_20261129_043830_cities_drafts from './20261129_043830_cities_drafts';
import * as migration_20261129_051400_import_refused_images from './20261129_051400_import_refused_images';
import * as migration_20261129_052000_search_orders from './20261129_052000_search_orders';

export const migrations = [
  {
    up: migration_20261128_175442_initial.up,
    down: migration_20261128_175442_initial.down,
    name: '20261128_175442_initial',
  },
  {
    up: migration_20261128_213939_community.up,
    down: migration_20261128_213939_community.down,
    name: '20261128_213939_community',
  },
  {
    up: migration_20261128_214306_community_jobs.up,
    down: migration_20261128_214306_community_jobs.down,
    name: '20261128_214306_community_jobs',
  },
  {
    up: migration_20261128_220336_alerts_frequency_optional.up,
    down: migration_20261128_220336_alerts_frequency_optional.down,
    name: '20261128_220336_alerts_frequency_optional',
  },
  {
    up: migration_20261128_233655_search.up,
    down: migration_20261128_233655_search.down,
    name: '20261128_233655_search',
  },
  {
    up: migration_20261129_004633_case_published_at.up,
    down: migration_20261129_004633_case_published_at.down,
    name: '20261129_004633_case_published_at',
  },
  {
    up: migration_20261129_011622_feeds.up,
    down: migration_20261129_011622_feeds.down,
    name: '20261129_011622_feeds',
  },
  {
    up: migration_20261129_014446_search_updated_at.up,
    down: migration_20261129_014446_search_updated_at.down,
    name: '20261129_014446_search_updated_at',
  },
  {
    up: migration_20261129_015000_locale_parent_indexes.up,
    down: migration_20261129_015000_locale_parent_indexes.down,
    name: '20261129_015000_locale_parent_indexes',
  },
  {
    up: migration_20261129_015728_feed_images.up,
    down: migration_20261129_015728_feed_images.down,
    name: '20261129_015728_feed_images',
  },
  {
    up: migration_20261129_023000_search_head.up,
    down: migration_20261129_023000_search_head.down,
    name: '20261129_023000_search_head',
  },
  {
    up: migration_20261129_040000_search_generation.up,
    down: migration_20261129_040000_search_generation.down,
    name: '20261129_040000_search_generation',
  },
  {
    up: migration_20261129_041000_search_text.up,
    down: migration_20261129_041000_search_text.down,
    name: '20261129_041000_search_text',
  },
  {
    up: migration_20261129_043830_cities_drafts.up,
    down: migration_20261129_043830_cities_drafts.down,
    name: '20261129_043830_cities_drafts',
  },
  {
    up: migration_20261129_051400_import_refused_images.up,
    down: migration_20261129_051400_import_refused_images.down,
    name: '20261129_051400_import_refused_images'
  },
  {
    up: migration_20261129_052000_search_orders.up,
    down: migration_20261129_052000_search_orders.down,
    name: '20261129_052000_search_orders',
  },
];
