// The one place that talks to the Zhiyou server: it holds the session token, adds it to every
// request, and turns the server's error body ({"error":{"code","message"}}) into a Chinese
// message shown to the user. Pages call api.get/post/del and download().
import { ElMessage } from 'element-plus';
import 'element-plus/es/components/message/style/css';

const TOKEN_KEY = 'zhiyou.token';
let token = localStorage.getItem(TOKEN_KEY) || '';
let onUnauthorized = () => {};

export function currentToken() {
  return token;
}

export function setToken(value) {
  token = value || '';
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

// Called when a request with a token comes back 401 (expired or revoked session).
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
  // True when the server has no such route yet (an endpoint that lands in a later branch).
  get missingRoute() {
    return this.status === 404 || this.status === 405 || this.status === 501;
  }
}

const STATUS_MESSAGES = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '未找到',
  409: '数据冲突，请刷新后重试',
  413: '上传内容过大',
  422: '数据校验未通过',
  429: '请求过于频繁，请稍后再试',
  500: '服务器内部错误',
  502: '服务器暂不可用',
  503: '服务器暂不可用',
};

// Paths are under /api/v1, except the EPCIS 2.0 REST binding, which the standard roots at /epcis.
function buildUrl(path, query) {
  const url = new URL(path.startsWith('/epcis/') ? path : `/api/v1${path}`, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url;
}

async function errorFrom(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status text below.
  }
  const message = body?.error?.message || STATUS_MESSAGES[response.status] || `请求失败（${response.status}）`;
  return new ApiError(response.status, body?.error?.code, message, body);
}

// options: json (object sent as JSON), body + contentType (raw bytes or text), query,
// quiet (no message shown; the caller handles the error), raw (return the Response).
export async function request(method, path, options = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  let response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body });
  } catch {
    const error = new ApiError(0, 'network', '无法连接服务器，请检查网络', null);
    if (!options.quiet) ElMessage.error(error.message);
    throw error;
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && token) {
      setToken('');
      onUnauthorized();
    }
    if (!options.quiet) ElMessage.error({ message: error.message, grouping: true });
    throw error;
  }
  if (options.raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, options) => request('POST', path, options),
  patch: (path, options) => request('PATCH', path, options),
  del: (path, options) => request('DELETE', path, options),
};

// Content-Disposition: attachment; filename="a.xlsx"; filename*=UTF-8''%E8%B4%A8.xlsx
function filenameFrom(disposition, fallback) {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: use the plain filename instead.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

// Downloads need the token too, so they go through fetch and a temporary blob link.
export async function download(path, query, fallbackName) {
  const response = await request('GET', path, { query, raw: true });
  const blob = await response.blob();
  const name = filenameFrom(response.headers.get('Content-Disposition'), fallbackName);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return name;
}
