import * as migration_20261128_175442_initial from './20261128_175442_initial';

export const migrations = [
  {
    up: migration_20261128_175442_initial.up,
    down: migration_20261128_175442_initial.down,
    name: '20261128_175442_initial'
  },
];
