// Who is signed in, and what each role may open. The server checks every request itself;
// this only decides which pages the navigation offers.
import { reactive } from 'vue';
import { ElMessage } from 'element-plus';
import { api, currentToken, setToken } from './api.js';

export const ROLE_NAMES = {
  admin: '系统管理员',
  office: '质量办',
  unit_reporter: '责任单位填报员',
  inspector: '监管执法人员',
  enterprise: '企业',
  public: '公众',
};

export const session = reactive({ me: null, loaded: false });

export function role() {
  return session.me?.role || 'public';
}

// A 401 means the session is over (request() has already dropped the token). Any other
// failure — the server busy or restarting, the network blinking — is not a sign-out: ask
// again a few times, and if it still fails keep the token so that the next page tries again.
const ME_ATTEMPTS = 3;

export async function loadMe() {
  session.me = null;
  if (!currentToken()) {
    session.loaded = true;
    return null;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      const body = await api.get('/me', { quiet: true });
      session.me = body.user ?? body; // {"user":{username, role, unit, entity, role_label}}
      session.loaded = true;
      return session.me;
    } catch (error) {
      if (error.status === 401) {
        session.loaded = true;
        return null;
      }
      if (attempt === ME_ATTEMPTS) {
        ElMessage.error({ message: `无法确认登录状态：${error.message}`, grouping: true });
        session.loaded = false;
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, 400 * attempt));
    }
  }
}

export async function login(username, password) {
  const { token } = await api.post('/session', { json: { username, password } });
  setToken(token);
  return loadMe();
}

export async function logout() {
  try {
    if (currentToken()) await api.del('/session', { quiet: true });
  } finally {
    setToken('');
    session.me = null;
  }
}

export function forgetSession() {
  session.me = null;
}
