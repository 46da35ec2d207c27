export declare function contentSecurityPolicy(opts?: { officeOrigin?: string | null; devServer?: string }): string;
