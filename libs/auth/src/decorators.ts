import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './roles';

export const PUBLIC_ROUTE = 'ct:public-route';
export const REQUIRED_ROLES = 'ct:required-roles';

/** No token needed (health probes). Everything else needs one. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller needs one of these roles; on a controller it covers every route, a route's own wins. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The verified caller of this request (set by AuthGuard). */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw new Error('@Actor() on a route without AuthGuard');
  return principal;
});
