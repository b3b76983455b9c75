import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { storeLang, storedLang, translate } from './i18n';
import type { Lang } from './i18n';
import { useReducedMotion } from './lib/use-reduced-motion';
import { PORTAL_PAGES, WEB_ENTRIES, WEB_MODULES } from './registry';
import { ConsoleLayout } from './shell/ConsoleLayout';
import { RequireAuth, RequirePermission, SECOND_FACTOR_PATH } from './shell/RequireAuth';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { NotFoundPage } from './pages/NotFoundPage';
import {
  createQueryClient,
  LangProvider,
  lazyPage,
  PageLoading,
  RequireCitizen,
  SESSION_KEY,
  SessionGuard,
  setApiLanguage,
  setMessageApi,
  setUnauthenticatedHandler,
  UnitFilterProvider,
  useSessionUser,
  WebModulesProvider,
} from '@sifa/ui';
import type { LangState } from '@sifa/ui';

const LoginPage = lazyPage(() => import('./pages/LoginPage').then((m) => m.LoginPage));
const SecondFactorPage = lazyPage(() => import('./pages/SecondFactorPage').then((m) => m.SecondFactorPage));
const ChangePasswordPage = lazyPage(() => import('./pages/ChangePasswordPage').then((m) => m.ChangePasswordPage));
const PortalLayout = lazyPage(() => import('./portal/PortalLayout').then((m) => m.PortalLayout));
const PortalHomePage = lazyPage(() => import('./portal/pages/PortalHomePage').then((m) => m.PortalHomePage));
const PortalLoginPage = lazyPage(() => import('./portal/pages/PortalLoginPage').then((m) => m.PortalLoginPage));
const PortalTrackPage = lazyPage(() => import('./portal/pages/PortalTrackPage').then((m) => m.PortalTrackPage));
const PortalVerifyEntryPage = lazyPage(() => import('./portal/pages/PortalVerifyEntryPage').then((m) => m.PortalVerifyEntryPage));
const PortalMePage = lazyPage(() => import('./portal/pages/PortalMePage').then((m) => m.PortalMePage));
const VerifyPage = lazyPage(() => import('./portal/pages/VerifyPage').then((m) => m.VerifyPage));

/** Hands antd's context-aware message API to code outside components (the query cache's error handler). */
function MessageBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(undefined);
  }, [message]);
  return null;
}

/** The console for one signed-in user; the unit filter starts afresh for each user. */
function SignedInShell() {
  const user = useSessionUser();
  return (
    <UnitFilterProvider key={user.id}>
      <ConsoleLayout />
      {/* the session's end warned ahead, and signed in again in place so nothing typed is lost (issue #13 item 2) */}
      <SessionGuard username={user.username} />
    </UnitFilterProvider>
  );
}

function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* outside the console frame: an account that must enrol may reach nothing else yet (ADR 0020) */}
        <Route
          path={SECOND_FACTOR_PATH}
          element={
            <RequireAuth enrolment>
              <SecondFactorPage />
            </RequireAuth>
          }
        />
        {/* the public portal: its own layout and citizen session, no staff menu */}
        <Route path="/portal" element={<PortalLayout />}>
          <Route index element={<PortalHomePage />} />
          <Route path="login" element={<PortalLoginPage />} />
          <Route path="track" element={<PortalTrackPage />} />
          <Route path="verify" element={<PortalVerifyEntryPage />} />
          <Route path="me" element={<PortalMePage />} />
          {/* the modules' pages (application forms …), each declared in its web/index.ts */}
          {PORTAL_PAGES.map((page) => (
            <Route
              key={`${page.module}:${page.path}`}
              path={page.path}
              element={
                page.citizen ? (
                  <RequireCitizen loginPath="/portal/login" fallback={<PageLoading />}>
                    <page.element />
                  </RequireCitizen>
                ) : (
                  <page.element />
                )
              }
            />
          ))}
          <Route path="*" element={<NotFoundPage home="/portal" />} />
        </Route>
        {/* the QR code on a printed document opens this */}
        <Route path="/verify/:code" element={<PortalLayout />}>
          <Route index element={<VerifyPage />} />
        </Route>
        <Route
          element={
            <RequireAuth>
              <SignedInShell />
            </RequireAuth>
          }
        >
          {WEB_ENTRIES.map((entry) => (
            <Route
              key={entry.key}
              path={entry.path}
              element={
                <RequirePermission permission={entry.permission}>
                  <entry.element />
                </RequirePermission>
              }
            />
          ))}
          <Route path="/me/password" element={<ChangePasswordPage />} />
          <Route path="/403" element={<ForbiddenPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

/** The staff console: language, antd locale and theme, data cache, routes. */
export function App() {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLang();
    setApiLanguage(initial);
    return initial;
  });
  const langRef = useRef(lang);
  const [queryClient] = useState(() => createQueryClient(() => translate(langRef.current, 'common.loadFailed')));

  const setLang = useCallback((next: Lang) => {
    langRef.current = next;
    setApiLanguage(next);
    storeLang(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  useEffect(() => {
    setUnauthenticatedHandler(() => queryClient.setQueryData(SESSION_KEY, null));
    return () => setUnauthenticatedHandler(undefined);
  }, [queryClient]);

  const reducedMotion = useReducedMotion();
  const langState = useMemo<LangState>(() => ({ lang, setLang }), [lang, setLang]);

  return (
    <LangProvider value={langState}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f5fbf', motion: !reducedMotion } }}>
        <AntApp>
          <MessageBridge />
          <QueryClientProvider client={queryClient}>
            {/* navigations as plain updates, so signing out leaves the page in the same render that forgets the user */}
            <BrowserRouter useTransitions={false}>
              <WebModulesProvider modules={WEB_MODULES}>
                <AppRoutes />
              </WebModulesProvider>
            </BrowserRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </LangProvider>
  );
}
