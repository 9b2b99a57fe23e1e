import * as migration_20261128_171705_initial from './20261128_171705_initial';

export const migrations = [
  {
    up: migration_20261128_171705_initial.up,
    down: migration_20261128_171705_initial.down,
    name: '20261128_171705_initial'
  },
];
