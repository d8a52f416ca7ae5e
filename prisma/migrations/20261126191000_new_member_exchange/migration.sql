-- AlterTable
ALTER TABLE "EducationGroup" ADD COLUMN     "newMemberExchangeTeachers" INTEGER;

