import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ATTENDANCE_STATES, checkinsApi, LIVEBOARD_EVENTS, type AttendanceState, type LiveBoardUpdate, type LivePost, type StateCounts } from '@/api/checkins';
import { postsApi } from '@/api/posts';
import { getSocket, subscribe } from '@/composables/useSocket';

export type Counts = StateCounts;
const emptyCounts = (): Counts => Object.fromEntries(ATTENDANCE_STATES.map((s) => [s, 0])) as Counts;

/** The live board: posts by id, patched in place by `liveboard:updates`, rows replaced by `liveboard:posts`; counters derived. */
export const useLiveStore = defineStore('live', () => {
  const byId = ref<Record<string, LivePost>>({});
  const order = ref<string[]>([]);
  const locations = ref<Record<string, { lat: number; lng: number }>>({});
  const at = ref<string | null>(null);
  const connected = ref(false);
  const posts = computed(() => order.value.map((id) => byId.value[id]).filter((p): p is LivePost => !!p));

  async function load(): Promise<void> {
    const board = await checkinsApi.liveBoard();
    byId.value = Object.fromEntries(board.posts.map((p) => [p.postId, p]));
    order.value = board.posts.map((p) => p.postId);
    at.value = board.at;
  }

  /** Coordinates for the map come from the posts themselves (staff only; others get no map). */
  async function loadLocations(): Promise<void> {
    try {
      const list = await postsApi.list({ active: 'true' });
      locations.value = Object.fromEntries(list.filter((p) => p.location).map((p) => [p.id, p.location!]));
    } catch {
      locations.value = {};
    }
  }

  /** Patches the lawyer the update names; false when the board does not know that duty. */
  function apply(u: LiveBoardUpdate): boolean {
    const post = byId.value[u.postId];
    for (const shift of [post?.current, post?.next]) {
      const lawyer = shift?.lawyers.find((l) => l.dutyKey === u.dutyKey);
      if (lawyer) {
        Object.assign(lawyer, { state: u.state, checkedInAt: u.checkedInAt, checkedOutAt: u.checkedOutAt });
        at.value = u.at;
        return true;
      }
    }
    return false;
  }

  /** Joins the board's room (again after every reconnect); returns the release for onUnmounted. */
  function watch(): () => void {
    const socket = getSocket();
    let redialled = false;
    const join = () => {
      socket.emit(LIVEBOARD_EVENTS.watch, (ok: boolean) => {
        connected.value = ok;
        // A socket opened before signing in carries no session: dial again once with the cookie.
        if (!ok && !redialled) {
          redialled = true;
          socket.disconnect().connect();
        }
      });
    };
    const lost = () => (connected.value = false);
    const rejoin = () => {
      join();
      // Updates sent while disconnected are lost: catch up.
      void load();
    };
    socket.on('connect', rejoin);
    socket.on('disconnect', lost);
    if (socket.connected) join();
    const off = subscribe(LIVEBOARD_EVENTS.updates, (updates) => {
      let unknown = false;
      for (const u of updates) unknown = !apply(u) || unknown;
      if (unknown) void load();
    });
    // A post's shift moved on (or its lawyers changed): its row comes whole.
    const offPosts = subscribe(LIVEBOARD_EVENTS.posts, (rows) => {
      for (const row of rows) {
        if (!(row.postId in byId.value)) order.value = [...order.value, row.postId];
        byId.value[row.postId] = row;
      }
    });
    return () => {
      off();
      offPosts();
      socket.off('connect', rejoin);
      socket.off('disconnect', lost);
      socket.emit(LIVEBOARD_EVENTS.unwatch);
      connected.value = false;
    };
  }

  /** Lawyers of current shifts by state: per district, per kind and in total. */
  const counters = computed(() => {
    const byDistrict: Record<string, Counts> = {};
    const byKind: Record<string, Counts> = {};
    const total = emptyCounts();
    for (const p of posts.value) {
      for (const l of p.current?.lawyers ?? []) {
        (byDistrict[p.district] ??= emptyCounts())[l.state]++;
        (byKind[p.kind] ??= emptyCounts())[l.state]++;
        total[l.state]++;
      }
    }
    return { byDistrict, byKind, total };
  });

  const districts = computed(() => [...new Set(posts.value.map((p) => p.district))].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  const kinds = computed(() => [...new Set(posts.value.map((p) => p.kind))]);

  return { byId, posts, locations, at, connected, counters, districts, kinds, load, loadLocations, apply, watch };
});

export function statesOf(post: LivePost): AttendanceState[] {
  return (post.current?.lawyers ?? []).map((l) => l.state);
}
