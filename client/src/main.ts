import 'element-plus/dist/index.css';
import './styles.css';
import ElementPlus, { ElMessage } from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { onSessionProblem } from './api/http';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { useAuthStore } from './stores/auth';

const app = createApp(App).use(createPinia()).use(router).use(i18n).use(ElementPlus);

onSessionProblem((code) => {
  const auth = useAuthStore();
  const here = router.currentRoute.value;
  if (code === 'password_change_required') {
    if (auth.user) auth.user = { ...auth.user, mustChangePassword: true };
    if (here.name !== 'password') void router.replace({ name: 'password', query: { redirect: here.fullPath } });
    return;
  }
  if (!auth.user) return;
  auth.forget();
  ElMessage.warning(i18n.global.t('auth.sessionExpired'));
  if (here.meta.auth || here.meta.roles?.length) void router.replace({ name: 'login', query: { redirect: here.fullPath } });
});

app.mount('#app');
