import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { MailDispatcher } from './mail-dispatcher';

@Global()
@Module({ providers: [MailService, MailDispatcher], exports: [MailService, MailDispatcher] })
export class MailModule {}
