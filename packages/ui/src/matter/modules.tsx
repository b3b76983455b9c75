import { createContext, useContext } from 'react';
import type { ComponentType, ReactNode } from 'react';
import type { MatterActionFormProps, WebModule } from '../web-module';

const WebModulesContext = createContext<readonly WebModule[]>([]);

/**
 * The app's registered modules, mounted once by the app: the matter page reads workflow labels and action forms from
 * here, so nothing in the shared kit imports the app's module registry (which imports the modules, which use the kit).
 */
export function WebModulesProvider({ modules, children }: { modules: readonly WebModule[]; children: ReactNode }) {
  return <WebModulesContext.Provider value={modules}>{children}</WebModulesContext.Provider>;
}

/** Every registered module's web face. */
export function useWebModules(): readonly WebModule[] {
  return useContext(WebModulesContext);
}

/** The module of a data item (`TodoItem.module`, `Matter.module`), for its label. */
export function findWebModule(modules: readonly WebModule[], name: string): WebModule | undefined {
  return modules.find((m) => m.name === name);
}

/** A module's form for an action the kernel cannot take alone, if the module registered one. */
export function findActionForm(modules: readonly WebModule[], module: string, kind: string, action: string): ComponentType<MatterActionFormProps> | undefined {
  return findWebModule(modules, module)?.matterActionForms?.[`${kind}.${action}`];
}
