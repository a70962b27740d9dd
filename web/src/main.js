import { createApp } from 'vue';
import App from './App.vue';
import router from './router.js';
import { whenUnauthorized } from './api.js';
import { forgetSession } from './session.js';
import './styles.css';

whenUnauthorized(() => {
  forgetSession();
  if (router.currentRoute.value.name !== 'login') {
    router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath, expired: '1' } });
  }
});

const app = createApp(App).use(router);
// Mount once the first page is decided: its guard waits for /me, and until then the shell
// would show a signed-in user the public view (and the public menu).
router.isReady().finally(() => app.mount('#app'));
