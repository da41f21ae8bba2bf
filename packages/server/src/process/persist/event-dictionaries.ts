import { DICTIONARY_SERVES_MS, dictionaryFrom, type EncodedPayload, type EventDictionary, encodePayload, type NewEventDictionary } from '../../events/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';

// ~32 KB each: 1,024 groups' dictionaries in 32 MB.
const cacheEntries = 1024;

export interface DictionaryChoice {
  readonly encoded: EncodedPayload;
  readonly dictionaryId: number | null;
}

/**
 * The dictionaries of event groups for one pipeline: which one an event is compressed
 * against, and which events start new ones. Only dictionaries read back from the database
 * are cached, so a cached id always names a committed row.
 */
export function createEventDictionaries(store: Store) {
  const cache = new Map<string, EventDictionary>();
  const keyOf = (projectId: number, hash: string) => `${projectId}:${hash}`;

  function remember(d: EventDictionary): void {
    const key = keyOf(d.projectId, d.groupHash);
    cache.delete(key);
    cache.set(key, d);
    if (cache.size > cacheEntries) cache.delete(cache.keys().next().value as string);
  }

  function usable(d: EventDictionary | undefined, now: number): d is EventDictionary {
    return d !== undefined && now - d.createdAt < DICTIONARY_SERVES_MS;
  }

  return {
    /** Loads into the cache the current dictionaries of these groups that it lacks. */
    async load(reader: StoreExecutor, groups: readonly { projectId: number; hash: string }[], now: number): Promise<void> {
      const missing = new Map<number, Set<string>>();
      for (const g of groups) {
        if (usable(cache.get(keyOf(g.projectId, g.hash)), now)) continue;
        missing.set(g.projectId, (missing.get(g.projectId) ?? new Set()).add(g.hash));
      }
      for (const [projectId, hashes] of missing) {
        const found = await store.eventDictionaries.newest(reader, projectId, [...hashes], now - DICTIONARY_SERVES_MS);
        for (const d of found.values()) remember(d);
      }
    },

    /**
     * Compresses one event's JSON: against its group's dictionary when there is one; else
     * plainly, and the first such event of a group in a batch donates a new dictionary.
     */
    encode(json: string, group: { projectId: number; hash: string } | null, now: number, donations: Map<string, NewEventDictionary>): DictionaryChoice {
      if (group === null) return { encoded: encodePayload(json), dictionaryId: null };
      const key = keyOf(group.projectId, group.hash);
      const current = cache.get(key);
      if (usable(current, now)) return { encoded: encodePayload(json, current.bytes), dictionaryId: current.id };
      if (!donations.has(key)) donations.set(key, { projectId: group.projectId, groupHash: group.hash, createdAt: now, bytes: dictionaryFrom(json) });
      return { encoded: encodePayload(json), dictionaryId: null };
    },
  };
}

export type EventDictionaries = ReturnType<typeof createEventDictionaries>;
