import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/identity.module';
import { BassinsController } from './bassins.controller';
import { BassinsService } from './bassins.service';

@Module({
  imports: [IdentityModule],
  controllers: [BassinsController],
  providers: [BassinsService],
  exports: [BassinsService],
})
export class BassinsModule {}
