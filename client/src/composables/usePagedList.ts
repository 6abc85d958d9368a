import { reactive, ref, shallowRef, watch, type UnwrapRef } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import type { Paginated } from '../../../api/src/contracts/common';
import type { Query } from '@/api/http';
import { useErrorMessage } from './useErrorMessage';

type Filters = Record<string, string>;

interface Options<F extends Filters, T> {
  filters: F;
  fetch: (query: Query) => Promise<Paginated<T>>;
  pageSize?: number;
}

function fromQuery<F extends Filters>(defaults: F, q: LocationQuery): F {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof F)[]) {
    const v = q[key as string];
    if (typeof v === 'string') out[key] = v as F[keyof F];
  }
  return out;
}

/**
 * A server-side paginated list whose filters and page live in the URL, so a reload, the
 * back button or a shared link show the same page.
 */
export function usePagedList<F extends Filters, T>(options: Options<F, T>) {
  const route = useRoute();
  const router = useRouter();
  const { errorMessage } = useErrorMessage();
  const defaults = { ...options.filters };

  const filters = reactive(fromQuery(defaults, route.query));
  const page = ref(Number(route.query.page) || 1);
  const pageSize = ref(Number(route.query.pageSize) || options.pageSize || 20);
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref('');
  let seq = 0;

  function currentQuery(): Query {
    return { ...(filters as Filters), page: page.value, pageSize: pageSize.value };
  }

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = '';
    try {
      const res = await options.fetch(currentQuery());
      if (mine !== seq) return;
      items.value = res.items;
      total.value = res.total;
    } catch (err) {
      if (mine === seq) error.value = errorMessage(err);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function syncUrl(): void {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(currentQuery())) if (v !== '' && v !== undefined && v !== null) query[k] = String(v);
    void router.replace({ query });
  }

  /** Apply the filters: back to page 1. */
  function search(): void {
    page.value = 1;
    syncUrl();
    void load();
  }

  function reset(): void {
    Object.assign(filters, defaults);
    search();
  }

  watch([page, pageSize], () => {
    syncUrl();
    void load();
  });

  return { filters: filters as UnwrapRef<F>, page, pageSize, items, total, loading, error, load, search, reset, currentQuery };
}
