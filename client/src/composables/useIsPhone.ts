import { onScopeDispose, ref } from 'vue';

const QUERY = '(max-width: 720px)';

/** True on narrow screens, where tables become card lists. */
export function useIsPhone() {
  const mql = window.matchMedia(QUERY);
  const isPhone = ref(mql.matches);
  const onChange = (e: MediaQueryListEvent) => {
    isPhone.value = e.matches;
  };
  mql.addEventListener('change', onChange);
  onScopeDispose(() => mql.removeEventListener('change', onChange));
  return isPhone;
}
