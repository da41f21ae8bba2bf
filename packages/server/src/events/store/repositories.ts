import type { RepositoryFactories } from '../../store/index.js';
import { createEventDictionaryRepo } from './event-dictionaries.js';
import { createEventRepo } from './events.js';

// These repositories join the one Store (store.events, …) without store/ importing this domain: the
// members are added to store's `Repositories` as Fastify plugins add decorators (declaration merging).
declare module '../../store/index.js' {
  interface Repositories {
    events: ReturnType<typeof createEventRepo>;
    eventDictionaries: ReturnType<typeof createEventDictionaryRepo>;
  }
}

/** How this domain's repositories are built; open-store.ts assembles every domain's into the Store. */
export const eventRepositories = {
  events: createEventRepo,
  eventDictionaries: createEventDictionaryRepo,
} satisfies Pick<RepositoryFactories, 'events' | 'eventDictionaries'>;
