export declare const OFFICE_ORIGIN: string;
export declare function contentSecurityPolicy(opts?: { office?: boolean; devServer?: string }): string;
