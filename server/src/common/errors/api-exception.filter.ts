import type { ApiError, ErrorCode } from '@affluents/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { requestId } from '../http/request-id';
import { AppError, serviceUnavailable } from './app-error';
import { isDependencyUnavailable } from './dependency-errors';

const codeByStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

const frenchByStatus: Record<number, string> = {
  400: 'Requête invalide',
  404: 'Ressource introuvable',
  413: 'Requête trop volumineuse',
  415: 'Type de contenu non pris en charge',
};

/**
 * Turns every thrown error into the single ApiError body: a dependency that is down or too slow becomes
 * a 503 (logged as a warning, without the stack), other unknown errors a logged 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception);
    // Errors raised before the logger's middleware (body parsing) have no id yet: make one.
    body.requestId = String(request.id ?? requestId(request, response));
    if (body.status === 503) {
      const reason = exception instanceof Error ? exception.message : String(exception);
      this.logger.warn({ requestId: body.requestId }, `Dependency unavailable: ${reason}`);
    } else if (body.status >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    if (response.headersSent) return;
    if (exception instanceof AppError && exception.retryAfterSeconds) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.status).json(body);
  }

  private toBody(exception: unknown): ApiError {
    if (exception instanceof AppError) {
      return {
        status: exception.status,
        code: exception.code,
        message: exception.message,
        ...(exception.fieldErrors ? { fieldErrors: exception.fieldErrors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Express' JSON parser failures reach us wrapped with the SyntaxError as cause.
      if (status === 400 && exception.cause instanceof SyntaxError) {
        return { status, code: 'bad_request', message: 'Le corps de la requête n’est pas du JSON valide' };
      }
      return {
        status,
        code: codeByStatus[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'),
        message: frenchByStatus[status] ?? exception.message,
      };
    }
    // body-parser errors (malformed JSON, payload too large) carry a status but are not HttpExceptions.
    const parserError = exception as { status?: number; type?: string };
    if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      const message =
        parserError.type === 'entity.parse.failed'
          ? 'Le corps de la requête n’est pas du JSON valide'
          : (frenchByStatus[parserError.status] ?? 'Requête invalide');
      return { status: parserError.status, code: codeByStatus[parserError.status] ?? 'bad_request', message };
    }
    if (isDependencyUnavailable(exception)) {
      const { status, code, message } = serviceUnavailable();
      return { status, code, message };
    }
    return { status: 500, code: 'internal_error', message: 'Erreur interne du serveur' };
  }
}
