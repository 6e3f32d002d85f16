/** core/modules.ts: which module and path an expression comes from. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { resolveRef } from '../../src/core/modules.js';
import { withFile } from './probe.js';

function ref(code: string): string | null {
  return withFile(code, (file) => {
    const body = file.sourceCode.ast.body;
    const stmt = body[body.length - 1]! as TSESTree.ExpressionStatement;
    const r = resolveRef(file, stmt.expression);
    return r ? `${r.module} ${r.path.join('.')}`.trim() : null;
  });
}

describe('resolveRef', () => {
  it.each([
    ["import session from 'express-session'; session;", 'express-session'],
    ["import * as jwt from 'jsonwebtoken'; jwt.sign;", 'jsonwebtoken sign'],
    ["import { sign as s } from 'jsonwebtoken'; s;", 'jsonwebtoken sign'],
    ["const { sign } = require('jsonwebtoken'); sign;", 'jsonwebtoken sign'],
    ["const jwt = require('node:jsonwebtoken'); const signer = jwt.sign; signer;", 'jsonwebtoken sign'],
    ["import express from 'express'; const app = express(); app.use;", 'express ().use'],
    ["import { SignJWT } from 'jose'; new SignJWT({}).setIssuedAt().sign;", 'jose SignJWT.new.setIssuedAt.().sign'],
    ["import config from './config'; config.session.key;", './config session.key'],
    ["let jwt = require('jsonwebtoken'); jwt = other; jwt.sign;", null],
    ['function require(x) { return x; } require("jsonwebtoken").sign;', null],
    ["const express = require('express'); const router = module.exports = express.Router(); router.post;", 'express Router.().post'],
    ["const express = require('express'); let n = 0; const r = n += express; r;", null],
    // A package copied into the project's vendor folder is that package; other project modules are not.
    ["const jwt = require('../libs/jsonwebtoken'); jwt.sign;", 'jsonwebtoken sign'],
    ["import bcrypt from '../../vendor/bcryptjs/index.js'; bcrypt.hash;", 'bcryptjs hash'],
    ["import { sign } from './third_party/@fastify/jwt'; sign;", '@fastify/jwt sign'],
    ["import { sign } from './libs/jwt/sign'; sign;", './libs/jwt/sign sign'],
    ["import { serialize } from '../lib/cookie'; serialize;", '../lib/cookie serialize'],
    ["import { sign } from './utils/jsonwebtoken'; sign;", './utils/jsonwebtoken sign'],
  ])('%s', (code, expected) => {
    expect(ref(code)).toBe(expected);
  });

  it('follows `this.x` to a constructor parameter typed with an imported class', () => {
    const code = `import { JwtService } from '@nestjs/jwt';
class A { constructor(private jwt: JwtService) {} go() { return this.jwt.sign; } }
0;`;
    const found = withFile(code, (file) => {
      const cls = file.sourceCode.ast.body[1] as TSESTree.ClassDeclaration;
      const go = cls.body.body[1] as TSESTree.MethodDefinition;
      const ret = (go.value.body!.body[0] as TSESTree.ReturnStatement).argument!;
      const r = resolveRef(file, ret);
      return r && `${r.module} ${r.path.join('.')}`;
    });
    expect(found).toBe('@nestjs/jwt JwtService.new.sign');
  });
});
