/** Issue 11, defect 9: an uncaught error in a host is logged, not fatal; repeated ones stop the counter cleanly. */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installProcessGuards } from '../../../electron/host/processGuards';
import { capturedLogger } from './helpers';

describe('process guards', () => {
  it('logs uncaught errors and rejections, and asks for a clean stop when they keep coming', () => {
    const target = new EventEmitter();
    const { logger, lines } = capturedLogger();
    const onRepeated = vi.fn();
    const remove = installProcessGuards({ logger, onRepeated, maxPerMinute: 2, target: target as never });
    target.emit('unhandledRejection', new Error('lost promise'));
    target.emit('uncaughtException', new Error('boom 1'));
    target.emit('uncaughtException', new Error('boom 2'));
    expect(onRepeated).not.toHaveBeenCalled();
    target.emit('uncaughtException', new Error('boom 3'));
    target.emit('uncaughtException', new Error('boom 4'));
    expect(onRepeated).toHaveBeenCalledOnce();
    expect(lines.join('\n')).toMatch(/lost promise[\s\S]*boom 1[\s\S]*boom 4/);
    remove();
    expect(target.listenerCount('uncaughtException')).toBe(0);
  });
});
